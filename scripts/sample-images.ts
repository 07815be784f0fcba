/**
 * Draws the sample article's images with sharp (no stock photos, no downloads), so the repo
 * carries real JPEGs that exercise the image pipeline. Run: node scripts/sample-images.ts
 */
import sharp from 'sharp';

const dir = 'content/articles/harbour-light-returns';

function harbourSvg(width: number, height: number, sky: [string, string], water: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#s)"/>
  <circle cx="${width * 0.75}" cy="${height * 0.3}" r="${height * 0.08}" fill="#ffe7a3"/>
  <rect y="${height * 0.62}" width="100%" height="${height * 0.38}" fill="${water}"/>
  <rect x="${width * 0.18}" y="${height * 0.3}" width="${width * 0.05}" height="${height * 0.34}" fill="#f4f1ea"/>
  <rect x="${width * 0.18}" y="${height * 0.36}" width="${width * 0.05}" height="${height * 0.04}" fill="#c0392b"/>
  <polygon points="${width * 0.17},${height * 0.3} ${width * 0.205},${height * 0.24} ${width * 0.24},${height * 0.3}" fill="#2c3e50"/>
  <rect x="0" y="${height * 0.6}" width="${width * 0.4}" height="${height * 0.05}" fill="#5d4e3a"/>
</svg>`;
}

await sharp(Buffer.from(harbourSvg(2400, 1600, ['#f6a96b', '#7aa6c2'], '#2f5d7c'))).jpeg({ quality: 82 }).toFile(`${dir}/lighthouse-at-dusk.jpg`);
await sharp(Buffer.from(harbourSvg(1600, 1200, ['#9cc7e0', '#dfeef6'], '#3e7ea3'))).jpeg({ quality: 82 }).toFile(`${dir}/harbour-morning.jpg`);
console.log('wrote sample images');
