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
    onProgress(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
})()
