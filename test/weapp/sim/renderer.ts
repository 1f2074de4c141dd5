/**
 * The mini-program's view layer: the build's WXML compiled by WeChat's own compiler (`wcc` from
 * miniprogram-compiler) and rendered by WeChat's component framework (exparser through
 * miniprogram-simulate / j-component) into the jsdom DOM of the test. It holds no app code: data
 * arrives as JSON (setData) and events leave as JSON, like the two threads of WeChat.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { wxmlToJs } from 'miniprogram-compiler';

export type EventSink = (caller: object, owner: string, method: string, event: Record<string, unknown>) => void;

interface RenderDefinition {
  id: string;
  tagName: string;
  template: unknown;
  usingComponents: Record<string, string>;
  methods: Record<string, (this: object, e: Record<string, unknown>) => void>;
  properties?: Record<string, unknown>;
  data?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface RenderedView {
  dom: HTMLElement;
  instance: object;
  setData(data: Record<string, unknown>): void;
  attach(parent: HTMLElement): void;
  detach(): void;
}

type Gwx = (file: string) => unknown;

const PROPERTY_TYPES: Record<string, unknown> = { String, Number, Boolean, Object, Array, null: null };

/** WeChat property definitions from the app's realm, rebuilt with this realm's constructors. */
function hostProperties(props: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!props) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(props)) {
    const d = (typeof def === 'function' ? { type: def } : def) as { type?: { name?: string } | null; value?: unknown };
    const typeName = d?.type ? (d.type.name ?? 'null') : 'null';
    out[name] = { type: PROPERTY_TYPES[typeName] ?? null, value: d?.value === undefined ? undefined : JSON.parse(JSON.stringify(d.value)) };
  }
  return out;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export class Renderer {
  private readonly gwx: Gwx;
  private readonly ids = new Map<string, string>();
  private static seq = 0;

  constructor(
    private readonly distDir: string,
    private readonly sink: EventSink,
  ) {
    // wcc's output checks the webview engine version, as WeChat's view layer sets it.
    (window as unknown as Record<string, unknown>).__webview_engine_version__ = 0.02;
    // This is WeChat's compiled template code, run in the test's realm (test tooling, not the app bundle).
    // eslint-disable-next-line no-new-func
    this.gwx = new Function(wxmlToJs(distDir))() as Gwx;
  }

  isRegistered(file: string): boolean {
    return this.ids.has(file);
  }

  /**
   * Registers the view of a page or component (by its path in the build, e.g. "pages/index/index")
   * with the methods its template binds, forwarding each call to the sink.
   */
  register(file: string, methodNames: string[], component?: { properties?: Record<string, unknown>; options?: Record<string, unknown> }): string {
    const known = this.ids.get(file);
    if (known) return known;
    const id = `weapp-${(Renderer.seq += 1)}-${file.replace(/[^a-z0-9]+/gi, '-')}`;
    this.ids.set(file, id);
    const json = readJson(path.join(this.distDir, `${file}.json`));
    const usingComponents: Record<string, string> = {};
    for (const [tag, rel] of Object.entries((json.usingComponents as Record<string, string>) ?? {})) {
      const target = rel.startsWith('/') ? rel.slice(1) : path.posix.join(path.posix.dirname(file), rel);
      const known = this.ids.get(target);
      if (!known) throw new Error(`component "${target}" (<${tag}>) must be registered before ${file}, which uses it`);
      usingComponents[tag] = known;
    }
    const sink = this.sink;
    const methods: RenderDefinition['methods'] = {};
    for (const name of methodNames) {
      methods[name] = function forward(this: object, e: Record<string, unknown>) {
        sink(this, file, name, e);
      };
    }
    const def: RenderDefinition = {
      id,
      tagName: component ? path.posix.basename(file) : 'wx-page',
      template: this.gwx(`${file}.wxml`),
      usingComponents,
      methods,
      properties: hostProperties(component?.properties),
      options: { ...(component?.options ?? {}), multipleSlots: true },
    };
    simulate.load(def as never);
    return id;
  }

  create(file: string, data: Record<string, unknown>): RenderedView {
    const id = this.ids.get(file);
    if (!id) throw new Error(`no view registered for ${file}`);
    const view = simulate.render(id) as unknown as RenderedView & { setData(d: unknown): void };
    view.setData(data);
    return view;
  }
}
