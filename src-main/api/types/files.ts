/** A file the core produced (export, error rows, template, PDF), kept in the data folder's outbox. */
export interface OutboxFile {
  fileId: string
  fileName: string
  bytes: number
}

/** A file the user chose to read (import), copied into the data folder's inbox. */
export interface InboxFile {
  fileId: string
  fileName: string
  bytes: number
}
