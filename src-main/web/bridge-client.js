// Served by the test web bridge as /__bridge.js: gives the page the same `window.api` the
// Electron preload gives, but over HTTP, so the real renderer runs unchanged in a browser.
;(function () {
  const listeners = new Set()
  window.api = {
    bridge: 'web',
    invoke(channel, input) {
      return fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      })
        .then((res) => res.json())
        .catch((error) => ({ ok: false, code: 'NETWORK', message: '无法连接后台服务：' + error.message }))
    },
    openAttachment(id) {
      window.open('/attachment/' + encodeURIComponent(id), '_blank')
      return Promise.resolve({ ok: true, data: null })
    },
    // Files: the browser's file input stands in for Electron's open dialog, a download for its save dialog.
    files: {
      pick(options) {
        return new Promise((resolve) => {
          let input = document.querySelector('input[data-testid="file-picker-input"]')
          if (input) input.remove()
          input = document.createElement('input')
          input.type = 'file'
          input.dataset.testid = 'file-picker-input'
          input.style.display = 'none'
          const extensions = (options && options.extensions) || []
          if (extensions.length) input.accept = extensions.map((e) => '.' + e).join(',')
          // Not the 'cancel' event: headless Chromium cancels at once, before a test can set the file.
          // A user who closes the dialog gives the window its focus back without a change.
          window.addEventListener('focus', () => setTimeout(() => { if (!input.files || !input.files.length) resolve({ ok: true, data: null }) }, 1000), { once: true })
          input.addEventListener('change', () => {
            const file = input.files && input.files[0]
            if (!file) return resolve({ ok: true, data: null })
            fetch('/inbox?name=' + encodeURIComponent(file.name), { method: 'POST', body: file })
              .then((res) => res.json())
              .then(resolve, (error) => resolve({ ok: false, code: 'NETWORK', message: '文件上传失败：' + error.message }))
          })
          document.body.appendChild(input)
          input.click()
        })
      },
      save(fileId) {
        const link = document.createElement('a')
        link.href = '/outbox/' + encodeURIComponent(fileId) + '?download'
        link.download = ''
        document.body.appendChild(link)
        link.click()
        link.remove()
        return Promise.resolve({ ok: true, data: { savedTo: null } })
      },
      url(fileId) {
        return '/outbox/' + encodeURIComponent(fileId)
      },
    },
    // Printing: the bridge renders the PDF in Chromium (POST /print/pdf); it has no printers, so 打印 saves the PDF.
    print: {
      pdf(job) {
        return fetch('/print/pdf', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job || {}) })
          .then((res) => res.json())
          .catch((error) => ({ ok: false, code: 'NETWORK', message: '无法连接后台服务：' + error.message }))
      },
      print(options) {
        return window.api.print.pdf(options && options.job).then((made) => {
          if (!made.ok) return made
          return window.api.files.save(made.data.fileId).then(() => ({ ok: true, data: { printed: false, savedAs: made.data } }))
        })
      },
      printers() {
        return Promise.resolve({ ok: true, data: [] })
      },
    },
    onProgress(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
})()
