/** What every resolver receives. Grows with the API (store, loaders, request id). */
export interface ApiContext {
  requestId: string;
}
