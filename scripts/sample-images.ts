/**
 * Draws the sample article's images with sharp (no stock photos, no downloads), so the repo
 * carries real JPEGs that exercise the image pipeline. Run: node scripts/sample-images.ts
 */
import sharp from 'sharp';

const dir = 'content/articles/harbour-light-returns';

function harbourSvg(width: number, height: number, sky: [string, string], water: string): string {
  const roof = `${width * 0.17},${height * 0.3} ${width * 0.205},${height * 0.24} ${width * 0.24},${height * 0.3}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/>` +
    `<stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#s)"/>
  <circle cx="${width * 0.75}" cy="${height * 0.3}" r="${height * 0.08}" fill="#ffe7a3"/>
  <rect y="${height * 0.62}" width="100%" height="${height * 0.38}" fill="${water}"/>
  <rect x="${width * 0.18}" y="${height * 0.3}" width="${width * 0.05}" height="${height * 0.34}" fill="#f4f1ea"/>
  <rect x="${width * 0.18}" y="${height * 0.36}" width="${width * 0.05}" height="${height * 0.04}" fill="#c0392b"/>
  <polygon points="${roof}" fill="#2c3e50"/>
  <rect x="0" y="${height * 0.6}" width="${width * 0.4}" height="${height * 0.05}" fill="#5d4e3a"/>
</svg>`
  );
}

await sharp(Buffer.from(harbourSvg(2400, 1600, ['#f6a96b', '#7aa6c2'], '#2f5d7c')))
  .jpeg({ quality: 82 })
  .toFile(`${dir}/lighthouse-at-dusk.jpg`);
await sharp(Buffer.from(harbourSvg(1600, 1200, ['#9cc7e0', '#dfeef6'], '#3e7ea3')))
  .jpeg({ quality: 82 })
  .toFile(`${dir}/harbour-morning.jpg`);
console.log('wrote sample images');

/*
 * Heroes of the other sample stories: simple drawn scenes, 960×640 (small in pixels and bytes,
 * since the test suite builds the real site). Every place and person in the samples is fictional.
 */
const W = 960;
const H = 640;
const rect = (x: number, y: number, w: number, h: number, fill: string) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`;
const circle = (x: number, y: number, r: number, fill: string) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`;
const repeat = (count: number, draw: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => draw(index)).join('');

function scene(sky: [string, string], shapes: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/>` +
    `<stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#s)"/>${shapes}</svg>`
  );
}

const SCENES: Record<string, string> = {
  'port-alder-ferry-timetable/ferry': scene(
    ['#f3a66f', '#6f8fb0'],
    rect(0, 420, W, 220, '#2d5673') +
      `<polygon points="260,420 700,420 660,470 300,470" fill="#f4f1ea"/>` +
      rect(380, 360, 200, 60, '#f4f1ea') +
      rect(440, 320, 40, 40, '#c0392b') +
      repeat(6, (i) => rect(395 + i * 30, 375, 18, 14, '#2c3e50')),
  ),
  'millbrook-school-roof/school': scene(
    ['#8ec5e8', '#e4f1f8'],
    rect(0, 470, W, 170, '#6a994e') +
      rect(180, 300, 600, 170, '#a0522d') +
      `<polygon points="160,300 480,200 800,300" fill="#5d4e3a"/>` +
      repeat(5, (i) => rect(220 + i * 110, 340, 60, 60, '#dbeaf3')) +
      repeat(8, (i) => rect(700, 200 + i * 34, 120, 4, '#7f8c8d')),
  ),
  'kestrel-bay-fc-cup-run/pitch': scene(
    ['#0d1b2a', '#1b263b'],
    rect(0, 380, W, 260, '#2d6a4f') +
      rect(0, 505, W, 4, '#e9f5db') +
      circle(480, 507, 60, 'none') +
      `<circle cx="480" cy="507" r="60" fill="none" stroke="#e9f5db" stroke-width="4"/>` +
      repeat(
        2,
        (i) => rect(120 + i * 680, 120, 12, 260, '#adb5bd') + rect(90 + i * 680, 100, 72, 30, '#fff3b0'),
      ) +
      rect(300, 300, 360, 80, '#343a40'),
  ),
  'harbour-swim-record/swim': scene(
    ['#adb5bd', '#dee2e6'],
    rect(0, 300, W, 340, '#52796f') +
      rect(0, 280, 320, 40, '#6c757d') +
      repeat(9, (i) =>
        circle(
          380 + (i % 5) * 110,
          380 + Math.floor(i / 5) * 90 + (i % 2) * 20,
          16,
          ['#ff6b6b', '#ffd166', '#06d6a0', '#f8f9fa'][i % 4]!,
        ),
      ),
  ),
  'fish-market-reopens/market': scene(
    ['#e9ecef', '#ced4da'],
    `<path d="M0 260 Q480 40 960 260 L960 640 L0 640 Z" fill="#495057"/>` +
      rect(0, 420, W, 220, '#6c757d') +
      repeat(
        8,
        (i) => rect(60 + i * 110, 440, 90, 60, '#1d3557') + rect(70 + i * 110, 450, 70, 30, '#a8dadc'),
      ),
  ),
  'high-street-vacancies/street': scene(
    ['#90e0ef', '#caf0f8'],
    rect(0, 500, W, 140, '#adb5bd') +
      repeat(
        5,
        (i) =>
          rect(20 + i * 190, 220, 170, 280, ['#e76f51', '#f4a261', '#e9c46a', '#2a9d8f', '#264653'][i]!) +
          rect(40 + i * 190, 330, 130, 110, '#f1faee') +
          repeat(4, (s) => rect(20 + i * 190 + s * 42, 300, 21, 26, s % 2 ? '#ffffff' : '#c1121f')),
      ),
  ),
  'lantern-festival-returns/lanterns': scene(
    ['#14213d', '#000814'],
    rect(0, 520, W, 120, '#1b1b1b') +
      repeat(14, (i) =>
        circle(
          60 + i * 66,
          180 + ((i * 37) % 120),
          22 + (i % 3) * 6,
          ['#ffb703', '#fb8500', '#ffd166'][i % 3]!,
        ),
      ),
  ),
  'library-poetry-prize/books': scene(
    ['#fefae0', '#faedcd'],
    repeat(
      3,
      (row) =>
        rect(60, 140 + row * 160, 840, 10, '#7f5539') +
        repeat(24, (i) =>
          rect(
            70 + i * 34,
            40 + row * 160 + (i % 4) * 6,
            26,
            100 - (i % 4) * 6,
            ['#9d0208', '#264653', '#e9c46a', '#6a4c93', '#2a9d8f'][(i + row) % 5]!,
          ),
        ),
    ),
  ),
  'castle-gallery-exhibition/gallery': scene(
    ['#f8f9fa', '#e9ecef'],
    rect(0, 520, W, 120, '#b08968') +
      repeat(
        3,
        (i) =>
          rect(90 + i * 280, 170, 220, 160, '#7f5539') +
          rect(102 + i * 280, 182, 196, 136, ['#a9d6e5', '#ffcad4', '#cce3de'][i]!) +
          rect(102 + i * 280, 262, 196, 56, '#2c7da0'),
      ),
  ),
};

for (const [path, svg] of Object.entries(SCENES)) {
  await sharp(Buffer.from(svg)).jpeg({ quality: 78 }).toFile(`content/articles/${path}.jpg`);
}
console.log('wrote the other sample stories’ images');
