import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

interface Props {
  text: string;
  alt: string;
  className?: string;
}

/** A QR code as an SVG image, made on the device (the link never leaves it). */
export function QrCode({ text, alt, className }: Props) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (!cancelled) setSrc(null);
      });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return src ? <img className={className} src={src} alt={alt} /> : null;
}
