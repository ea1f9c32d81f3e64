// A short message that clears itself after `ms` (a status line: "Link copied", "not in your library").
import { useEffect, useState } from 'react'

export function useTransientMessage(ms: number): [string | null, (message: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (!message) return
    const t = setTimeout(() => setMessage(null), ms)
    return () => clearTimeout(t)
  }, [message, ms])
  return [message, setMessage]
}
