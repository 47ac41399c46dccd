// A minimal XML writer for the JUnit and checkstyle reports: escaping that survives any message text.

// XML 1.0 cannot carry these at all, not even as character references (NUL, most C0 controls, lone
// surrogates, U+FFFE/U+FFFF), so they are dropped rather than letting one odd byte break a CI report.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Text content of an element. `>` is escaped too, so `]]>` can never appear. */
export function xmlText(text: string): string {
  return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A double-quoted attribute value. Tabs and line breaks become character references because a parser
 * normalises literal ones in attributes to spaces, and a message's newline should survive the round trip.
 */
export function xmlAttr(value: string | number): string {
  return xmlText(String(value))
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

/** `<name a="1" b="2"` for the attributes that are set, in the order given. */
function open(name: string, attrs: XmlAttrs): string {
  const parts = Object.entries(attrs).flatMap(([k, v]) => (v === undefined ? [] : [` ${k}="${xmlAttr(v)}"`]));
  return `<${name}${parts.join('')}`;
}

/** An element with no content: `<name a="1"/>`. */
export function emptyElement(name: string, attrs: XmlAttrs): string {
  return `${open(name, attrs)}/>`;
}

/** An element holding escaped text. */
export function textElement(name: string, attrs: XmlAttrs, text: string): string {
  return `${open(name, attrs)}>${xmlText(text)}</${name}>`;
}

/** An element holding already-rendered child lines, each indented one level deeper than the element. */
export function parentElement(name: string, attrs: XmlAttrs, children: readonly string[], indent = ''): string[] {
  if (children.length === 0) return [`${indent}${emptyElement(name, attrs)}`];
  return [`${indent}${open(name, attrs)}>`, ...children, `${indent}</${name}>`];
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
