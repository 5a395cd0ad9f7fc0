/**
 * A URI as it may be shown (messages, /readyz, logs): the password of a `user:password@`
 * part replaced by `***`. Text that is not a URI comes back unchanged.
 */
export function redactUri(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]*)@/gi, '$1$2:***@');
}
