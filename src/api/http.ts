/** The one transport the API client needs; platform/request.ts implements it over Taro.request. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  data?: unknown;
}

export interface HttpResponse {
  status: number;
  data: unknown;
}

/** Resolves for every HTTP answer (any status); rejects only when no answer arrived. */
export type HttpSend = (req: HttpRequest) => Promise<HttpResponse>;
