/**
 * Template tags of Jekyll (Liquid), Hugo and Eleventy in post bodies become plain markdown; what
 * cannot be converted stays as text and is listed with its source line; code is never touched.
 */
import { describe, expect, it } from 'vitest';
import { archiveDate } from '../../src/lib/archive-dates.ts';
import { convertShortcodes, tagArguments } from '../../src/lib/archive-shortcodes.ts';

const convert = (body: string, firstLine = 1, resolveLink?: (target: string) => string | undefined) => {
  const { lines, notes } = convertShortcodes(body, firstLine, resolveLink);
  return { body: lines.map(({ text }) => text).join('\n'), notes, lines };
};

describe('archive shortcodes', () => {
  it('turn Liquid and Hugo highlight blocks into fenced code, keeping the code verbatim', () => {
    expect(convert('{% highlight ruby linenos %}\nputs "{{ x }}"\n{% endhighlight %}').body).toBe(
      '```ruby\nputs "{{ x }}"\n```',
    );
    expect(convert('{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}').body).toBe(
      '```go\nfunc main() {}\n```',
    );
  });

  it('put video and post shortcodes as a URL on its own line, the form embeds are recognised by', () => {
    expect(convert('{{< youtube aBcDeFgHiJk >}}').body).toBe('https://www.youtube.com/watch?v=aBcDeFgHiJk');
    expect(convert('{{< youtube id="aBcDeFgHiJk" >}}').body).toBe(
      'https://www.youtube.com/watch?v=aBcDeFgHiJk',
    );
    expect(convert('{% youtube aBcDeFgHiJk %}').body).toBe('https://www.youtube.com/watch?v=aBcDeFgHiJk');
    expect(convert('{% youtube "https://youtu.be/aBcDeFgHiJk" %}').body).toBe('https://youtu.be/aBcDeFgHiJk');
    expect(convert('{{< vimeo 123456789 >}}').body).toBe('https://vimeo.com/123456789');
    expect(convert('{{< tweet user="kelmouthtrust" id="1864000000000000001" >}}').body).toBe(
      'https://x.com/kelmouthtrust/status/1864000000000000001',
    );
    expect(convert('{{< instagram DAbCdEfGhIj >}}').body).toBe('https://www.instagram.com/p/DAbCdEfGhIj/');
    expect(convert('Watch: {% youtube aBcDeFgHiJk %} then read on.').body).toBe(
      'Watch:\n\nhttps://www.youtube.com/watch?v=aBcDeFgHiJk\n\nthen read on.',
    );
  });

  it('leave a tweet shortcode without a user as it was, and say so', () => {
    const { body, notes } = convert('Intro.\n\n{{< tweet 1864000000000000001 >}}', 10);
    expect(body).toBe('Intro.\n\n{{< tweet 1864000000000000001 >}}');
    expect(notes).toEqual([
      { line: 12, message: 'template tag not converted, left as text: {{< tweet 1864000000000000001 >}}' },
    ]);
  });

  it('turn a figure into a markdown image with its caption under it', () => {
    expect(convert('{{< figure src="lamp.jpg" alt="The lamp" caption="Lit on *Saturday*" >}}').body).toBe(
      '![The lamp](lamp.jpg)\n\n*Lit on \\*Saturday\\**',
    );
    expect(convert('{{< figure src="/images/my lamp.jpg" title="The lamp" >}}').body).toBe(
      '![The lamp](</images/my lamp.jpg>)',
    );
  });

  it('keep {% raw %} contents verbatim, on one line or across lines', () => {
    expect(convert('Use {% raw %}{{ page.title }}{% endraw %} here.').body).toBe(
      'Use {{ page.title }} here.',
    );
    const { body, notes } = convert('{% raw %}\n{{ a }}\n{% endraw %}\nAfter.');
    expect(body).toBe('\n{{ a }}\n\nAfter.');
    expect(notes).toEqual([]);
  });

  it('resolve site URLs in addresses and drop the excerpt mark', () => {
    expect(convert('![A]({{ site.baseurl }}/assets/a.png)').body).toBe('![A](/assets/a.png)');
    expect(convert('![A]({{ site.url }}{{ site.baseurl }}/assets/a.png)').body).toBe('![A](/assets/a.png)');
    expect(convert('![A]({{ "/assets/a.png" | relative_url }})').body).toBe('![A](/assets/a.png)');
    expect(convert('Lede.\n<!--more-->\nRest.').body).toBe('Lede.\n\nRest.');
  });

  it('never touch fenced or inline code, and list every other tag with its line', () => {
    const body =
      'Text `{% include x %}` fine.\n\n```liquid\n{% include y.html %}\n' +
      '```\n\n{% include note.html %} and {{ page.author }}';
    const result = convert(body, 5);
    expect(result.body).toBe(body);
    expect(result.notes).toEqual([
      { line: 11, message: 'template tag not converted, left as text: {% include note.html %}' },
      { line: 11, message: 'template tag not converted, left as text: {{ page.author }}' },
    ]);
  });

  it('keep each converted line tied to its source line', () => {
    const { lines } = convert('One.\n{% youtube aBcDeFgHiJk %}', 3);
    expect(lines).toEqual([
      { text: 'One.', line: 3 },
      { text: 'https://www.youtube.com/watch?v=aBcDeFgHiJk', line: 4 },
    ]);
  });

  it('turn links to other posts into their new address when the importer knows it, and list them otherwise', () => {
    const resolve = (target: string) =>
      target.startsWith('2019-03-04-lamp') || target.startsWith('lamp.md')
        ? `../lamp/${target.includes('#') ? '#dusk' : ''}`
        : undefined;
    const { body, notes } = convert(
      '[A]({% post_url 2019-03-04-lamp %}) [B]({{< ref "lamp.md#dusk" >}}) [C]({{< relref "gone.md" >}})',
      1,
      resolve,
    );
    expect(body).toBe('[A](../lamp/) [B](../lamp/#dusk) [C]({{< relref "gone.md" >}})');
    expect(notes).toEqual([
      { line: 1, message: 'template tag not converted, left as text: {{< relref "gone.md" >}}' },
    ]);
  });

  it('read named and positional arguments', () => {
    expect(tagArguments(` src="a b.jpg" alt='x' 42`)).toEqual({ src: 'a b.jpg', alt: 'x', 0: '42' });
  });
});

describe('archive dates', () => {
  it('read Jekyll, Hugo and bare dates, giving each an offset', () => {
    expect(archiveDate('2019-03-04 10:00:00 +0100', 'Europe/London')).toBe('2019-03-04T10:00:00+01:00');
    expect(archiveDate('2019-03-04T10:00:00Z', 'Europe/London')).toBe('2019-03-04T10:00:00+00:00');
    expect(archiveDate('2019-03-04T10:00:00.123-05:00', 'UTC')).toBe('2019-03-04T10:00:00-05:00');
  });

  it("read a time without offset as the site's wall-clock time, summer or winter", () => {
    expect(archiveDate('2019-07-04 10:00', 'Europe/London')).toBe('2019-07-04T10:00:00+01:00');
    expect(archiveDate('2019-01-04', 'Europe/London')).toBe('2019-01-04T00:00:00+00:00');
  });

  it('refuse what is not a real date', () => {
    expect(archiveDate('2019-02-30', 'UTC')).toBeUndefined();
    expect(archiveDate('yesterday', 'UTC')).toBeUndefined();
    expect(archiveDate(20190304, 'UTC')).toBeUndefined();
  });
});
