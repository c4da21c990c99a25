import { Component, computed, input } from '@angular/core';
import { KpiPoint } from './insights.api';

/**
 * A KPI's trend as a small SVG line. Drawn by hand rather than with ECharts so the home page stays light:
 * ECharts is loaded only by the process pages.
 */
@Component({
  selector: 'bs-sparkline',
  template: `
    <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" [attr.width]="width" [attr.height]="height" aria-hidden="true">
      @if (path(); as d) {
        <path [attr.d]="d" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
        @if (targetY(); as y) {
          <line x1="0" [attr.y1]="y" [attr.x2]="width" [attr.y2]="y" stroke="#b3261e" stroke-width="1" stroke-dasharray="3 2" />
        }
      }
    </svg>
  `,
  styles: `:host { display: inline-block; color: #3f51b5; line-height: 0; }`,
})
export class Sparkline {
  readonly series = input<KpiPoint[]>([]);
  readonly target = input<number | null>(null);
  protected readonly width = 120;
  protected readonly height = 32;

  private readonly scale = computed(() => {
    const values = this.series().map(p => p.value).filter((v): v is number => v !== null);
    const target = this.target();
    const all = target === null ? values : [...values, target];
    if (values.length < 2) return null;
    const min = Math.min(...all);
    const max = Math.max(...all);
    return { min, span: max - min || 1 };
  });

  protected readonly path = computed(() => sparkPath(this.series(), this.width, this.height, this.scale()));
  protected readonly targetY = computed(() => {
    const scale = this.scale();
    const target = this.target();
    return scale && target !== null ? y(target, scale, this.height) : null;
  });
}

function y(value: number, scale: { min: number; span: number }, height: number): number {
  return +(height - 2 - ((value - scale.min) / scale.span) * (height - 4)).toFixed(1);
}

/** The SVG path of a series: periods without a value break the line rather than pretend a zero. */
export function sparkPath(series: KpiPoint[], width: number, height: number, scale: { min: number; span: number } | null): string | null {
  if (!scale) return null;
  const step = series.length > 1 ? width / (series.length - 1) : 0;
  let d = '';
  let pen = false;
  series.forEach((point, i) => {
    if (point.value === null) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${+(i * step).toFixed(1)} ${y(point.value, scale, height)} `;
    pen = true;
  });
  return d.trim() || null;
}
