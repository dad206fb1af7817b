import { describe, expect, it } from 'vitest';
import { queryErrorResponse, queryResponse, xmlEscape } from './query-xml';

describe('query protocol XML', () => {
  it('escapes text', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('wraps a result and the request id', () => {
    expect(queryResponse('urn:ns', 'Do', { A: '1 & 2', B: undefined }, 'req')).toBe(
      '<DoResponse xmlns="urn:ns">\n' +
        '  <DoResult>\n' +
        '    <A>1 &amp; 2</A>\n' +
        '  </DoResult>\n' +
        '  <ResponseMetadata>\n' +
        '    <RequestId>req</RequestId>\n' +
        '  </ResponseMetadata>\n' +
        '</DoResponse>\n',
    );
  });

  it('renders an ErrorResponse', () => {
    expect(
      queryErrorResponse('urn:ns', { code: 'Bad', message: 'a < b', fault: 'Sender' }, 'req'),
    ).toBe(
      '<ErrorResponse xmlns="urn:ns">\n' +
        '  <Error>\n' +
        '    <Type>Sender</Type>\n' +
        '    <Code>Bad</Code>\n' +
        '    <Message>a &lt; b</Message>\n' +
        '  </Error>\n' +
        '  <RequestId>req</RequestId>\n' +
        '</ErrorResponse>\n',
    );
  });
});
