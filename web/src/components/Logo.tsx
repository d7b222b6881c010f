/**
 * @module The 清流 mark: a water drop drawn in SVG (no emoji font needed on servers and kiosks).
 */

/** The drop mark at `size` pixels. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden focusable="false">
      <defs>
        <linearGradient id="qingliu-drop" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#22d3ee" />
          <stop offset="1" stopColor="#0e7490" />
        </linearGradient>
      </defs>
      <path d="M12 2.5C9 7 5.5 10.6 5.5 14.5a6.5 6.5 0 0 0 13 0C18.5 10.6 15 7 12 2.5Z" fill="url(#qingliu-drop)" />
      <path d="M8.6 15.2c.5 1.6 1.8 2.7 3.4 2.9" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" fill="none" opacity=".85" />
    </svg>
  );
}
