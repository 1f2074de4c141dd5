/** Photos of documents taken before a booking exists: a local path until the booking is made. */
export interface LocalPhoto {
  path: string;
  size: number;
}

/** Reads a local photo for upload (platform/camera.ts; tests give bytes from memory). */
export type PhotoReader = (path: string) => Promise<{ bytes: ArrayBuffer; contentType: string }>;
