/** @module The width of an element in CSS pixels, following resizes (the maps draw at true pixel size, so text stays legible). */
import { useEffect, useRef, useState, type RefObject } from "react";

/** A ref to attach and the element's current width (0 until measured). */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
