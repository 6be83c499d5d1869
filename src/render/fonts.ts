import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff';

/**
 * One font array for the isolate's life: satori caches parsed fonts per array identity, so a fresh
 * array per call costs several times more. Latin subset covers English and Spanish.
 */
export const FONTS = [
  { name: 'Inter', data: inter400, weight: 400 as const, style: 'normal' as const },
  { name: 'Inter', data: inter700, weight: 700 as const, style: 'normal' as const },
];
