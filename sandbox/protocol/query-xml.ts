/** XML for the AWS query protocol (`Action=…&Version=…` requests, as STS speaks it). */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const elements = (fields: Record<string, string | undefined>, indent: string) =>
  Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${indent}<${name}>${xmlEscape(value)}</${name}>\n`)
    .join('');

/** `<{Action}Response xmlns=…><{Action}Result>…</{Action}Result><ResponseMetadata>…` */
export function queryResponse(
  namespace: string,
  action: string,
  result: Record<string, string | undefined>,
  requestId: string,
): string {
  return (
    `<${action}Response xmlns="${xmlEscape(namespace)}">\n` +
    `  <${action}Result>\n${elements(result, '    ')}  </${action}Result>\n` +
    `  <ResponseMetadata>\n${elements({ RequestId: requestId }, '    ')}  </ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function queryErrorResponse(
  namespace: string,
  error: { code: string; message: string; fault: 'Sender' | 'Receiver' },
  requestId: string,
): string {
  return (
    `<ErrorResponse xmlns="${xmlEscape(namespace)}">\n` +
    `  <Error>\n${elements({ Type: error.fault, Code: error.code, Message: error.message }, '    ')}  </Error>\n` +
    elements({ RequestId: requestId }, '  ') +
    `</ErrorResponse>\n`
  );
}
