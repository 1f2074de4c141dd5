import Taro from '@tarojs/taro';
import { base64ToBytes } from '@/stores/staff-bytes';
import { IS_H5 } from './env';

/**
 * The pad the customer signs on with a finger: a canvas drawn with round black strokes on white,
 * exported as PNG bytes. In the browser we put a <canvas> into the page's box ourselves and use
 * pointer events (finger, pen and mouse alike); in WeChat it is the page's <Canvas type="2d">,
 * whose touches the page forwards (`start`/`move`/`end`, in canvas coordinates).
 */
export interface SignaturePad {
  start(x: number, y: number): void;
  move(x: number, y: number): void;
  end(): void;
  clear(): void;
  isEmpty(): boolean;
  /** PNG bytes of the drawing and a local URL/path that shows it; null when nothing was drawn. */
  export(): Promise<{ png: ArrayBuffer; localPath: string } | null>;
  destroy(): void;
}

export const PAD_HEIGHT_PX = 260;

interface Ctx2D {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  scale(x: number, y: number): void;
  setTransform?(a: number, b: number, c: number, d: number, e: number, f: number): void;
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toDataURL?(type?: string): string;
}

/** Strokes on any 2D canvas; `width`/`height` in CSS pixels, the canvas is `ratio` times that. */
function drawingOn(canvas: CanvasLike, width: number, height: number, ratio: number, onChange: (empty: boolean) => void) {
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d') as Ctx2D;
  let empty = true;
  let last: { x: number; y: number } | null = null;
  const blank = () => {
    ctx.setTransform?.(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(ratio, ratio);
    ctx.strokeStyle = '#1a1a1a';
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  };
  blank();
  return {
    start(x: number, y: number) {
      last = { x, y };
    },
    move(x: number, y: number) {
      if (!last) return;
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(x, y);
      ctx.stroke();
      last = { x, y };
      if (empty) {
        empty = false;
        onChange(false);
      }
    },
    end() {
      last = null;
    },
    clear() {
      blank();
      last = null;
      empty = true;
      onChange(true);
    },
    isEmpty: () => empty,
  };
}

function pngFromDataUrl(dataUrl: string): ArrayBuffer {
  return base64ToBytes(dataUrl.slice(dataUrl.indexOf(',') + 1));
}

/** Browser: a real <canvas> in the box with this id, drawn with pointer events. */
function openInBrowser(boxId: string, onChange: (empty: boolean) => void): SignaturePad | null {
  const box = document.getElementById(boxId);
  if (!box) return null;
  box.querySelector('canvas')?.remove();
  const canvas = document.createElement('canvas');
  const width = box.clientWidth || 320;
  canvas.style.cssText = `display:block;width:100%;height:${PAD_HEIGHT_PX}px;touch-action:none;`;
  canvas.setAttribute('aria-hidden', 'true');
  box.appendChild(canvas);
  const draw = drawingOn(canvas, width, PAD_HEIGHT_PX, window.devicePixelRatio || 1, onChange);
  const at = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent) => {
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    const p = at(e);
    draw.start(p.x, p.y);
  };
  const move = (e: PointerEvent) => {
    const p = at(e);
    draw.move(p.x, p.y);
  };
  const up = () => draw.end();
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  return {
    ...draw,
    async export() {
      if (draw.isEmpty()) return null;
      const dataUrl = canvas.toDataURL('image/png');
      return { png: pngFromDataUrl(dataUrl), localPath: dataUrl };
    },
    destroy: () => canvas.remove(),
  };
}

/** WeChat: the <Canvas type="2d" id=…> node of the page; touches come from the page. */
function openInWechat(canvasId: string, onChange: (empty: boolean) => void): Promise<SignaturePad | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true }, () => undefined)
        .exec((res: Array<{ node?: CanvasLike; width?: number; height?: number } | null>) => {
          const found = res?.[0];
          if (!found?.node) return resolve(null);
          const canvas = found.node;
          const ratio = Taro.getWindowInfo?.().pixelRatio ?? 2;
          const draw = drawingOn(canvas, found.width ?? 320, found.height ?? PAD_HEIGHT_PX, ratio, onChange);
          resolve({
            ...draw,
            async export() {
              if (draw.isEmpty()) return null;
              const r = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never);
              const bytes = await new Promise<ArrayBuffer>((ok, fail) =>
                Taro.getFileSystemManager().readFile({ filePath: r.tempFilePath, success: (x) => ok(x.data as ArrayBuffer), fail }),
              );
              return { png: bytes, localPath: r.tempFilePath };
            },
            destroy: () => undefined,
          });
        });
    } catch {
      // No selector query or canvas here (an old base library, a simulator): the page says so.
      resolve(null);
    }
  });
}

/** Opens the pad in the element with this id (after the page rendered it); null when there is no canvas. */
export function openSignaturePad(id: string, onChange: (empty: boolean) => void): Promise<SignaturePad | null> {
  if (IS_H5) return Promise.resolve(openInBrowser(id, onChange));
  return openInWechat(id, onChange);
}
