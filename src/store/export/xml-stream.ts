import xmlbuilder from 'xmlbuilder';
import type { Sink } from './sink.ts';

/** xmlbuilder's callback writer: it keeps no tree, only the stack of open elements. */
export type XmlWriter = ReturnType<typeof xmlbuilder.begin>;

/**
 * A streaming XML writer whose output collects until `flush()` hands it to the sink (once per
 * page, so that writes stay few and large). xmlbuilder's callback document keeps no tree; the
 * DOM-backed xmlbuilder2 builder it replaces took about 1 ms per node. Elements are written one
 * per line (`newline()`), never indented, so that text values keep their exact whitespace.
 */
export function openXml(sink: Sink) {
  let buffer: string[] = [];
  const xml: XmlWriter = xmlbuilder.begin({}, (chunk: string) => void buffer.push(chunk));
  return {
    xml,
    newline: () => void xml.raw('\n'),
    /** Closes the open elements, ends the document with a newline and flushes. */
    async end() {
      xml.end();
      buffer.push('\n');
      await this.flush();
    },
    async flush() {
      if (buffer.length === 0) return;
      const chunk = buffer.join('');
      buffer = [];
      await sink(chunk);
    },
  };
}
