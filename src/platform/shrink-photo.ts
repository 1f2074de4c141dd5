/**
 * The browser build's stand-in for WeChat's `sizeType: ['compressed']`: a phone camera's photo
 * (12 MP, often 4–8 MB) is redrawn at most 2048 px on its longer side as a JPEG before it is
 * uploaded, so it stays under the server's 5 MB limit and goes quickly over a weak signal.
 * 2048 px keeps the small print of an A4 document readable. Small photos go as taken; anything
 * the browser cannot decode goes as taken too, and the server says what is wrong with it.
 */
export const MAX_PHOTO_SIDE_PX = 2048;
const JPEG_QUALITY = 0.8;
/**
 * At or below this a photo is sent as it is. Low enough that a photo the staff member takes
 * offline usually fits one storage entry (about 1 MB once base64-encoded) and survives the app
 * being closed before it is sent.
 */
const SHRINK_ABOVE_BYTES = 700_000;

export async function shrinkPhoto(photo: Blob): Promise<Blob> {
  if (photo.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return photo;
  let bitmap: ImageBitmap;
  try {
    // Browsers apply the camera's EXIF orientation here by default: the document stays upright.
    bitmap = await createImageBitmap(photo);
  } catch {
    return photo;
  }
  try {
    const scale = Math.min(1, MAX_PHOTO_SIDE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return photo;
    // JPEG has no transparency: a PNG's clear parts become white paper, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const smaller = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    return smaller && smaller.size < photo.size ? smaller : photo;
  } finally {
    bitmap.close();
  }
}
