const byExtension: Readonly<Record<string, string>> = {
  log: 'text/plain',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  har: 'application/json',
  pcap: 'application/vnd.tcpdump.pcap',
  pcapng: 'application/vnd.tcpdump.pcap',
  pdf: 'application/pdf',
  zip: 'application/zip',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
}

/** The type a non-image evidence file is stored with, from its name; unknown kinds stay plain bytes. */
export function mimeOfEvidence(name: string): string {
  const extension = name.toLowerCase().split('.').pop() ?? ''
  return byExtension[extension] ?? 'application/octet-stream'
}

/** True for a name that says photo: such a file must also be one. */
export const looksLikeImageName = (name: string): boolean => /\.(jpe?g|png|webp|gif|bmp)$/i.test(name)
