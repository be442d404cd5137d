import { useEffect, useState } from 'react';

/** The current time, renewed every minute: enough for «3 dager igjen» and for closing the form at the deadline. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
