import { Menu, type MenuItemConstructorOptions } from 'electron'

export function buildAppMenu(actions: { changeDataLocation: () => void; openDataFolder: () => void; about: () => void }) {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: actions.openDataFolder },
        { label: '更改数据位置…', click: actions.changeDataLocation },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新载入', role: 'reload' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于帮扶项目资产台账', click: actions.about }] },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
