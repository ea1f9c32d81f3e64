// Runs async work over a list with a fixed number of workers, in list order (so "most recently edited first"
// stays roughly true with several requests in flight). The Mode client's limiter paces the actual requests.

export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (): Promise<void> => {
    while (failure === null && !signal?.aborted) {
      const index = next++
      if (index >= items.length) return
      try {
        await work(items[index]!, index)
      } catch (error) {
        failure ??= { error }
        return
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  if (failure !== null) throw (failure as { error: unknown }).error
}
