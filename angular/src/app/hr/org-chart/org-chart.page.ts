import { Component, OnInit, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { HrApi, OrgNode } from '../hr.api';

/** One department box with its head and people, its sub-departments below it. */
@Component({
  selector: 'bs-org-node',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  template: `
    <div class="box" [attr.data-testid]="'org-' + node().code">
      <div class="name">{{ node().name }}</div>
      <div class="head">
        <mat-icon inline>star</mat-icon>
        @if (node().head; as head) { <a [routerLink]="['/hr/employees', head.id]">{{ head.name }}</a> <span class="muted">{{ head.position }}</span> }
        @else { <span class="muted">{{ 'hr.orgChart.noHead' | translate }}</span> }
      </div>
      <ul>
        @for (p of node().employees; track p.id) {
          @if (p.id !== node().head?.id) { <li><a [routerLink]="['/hr/employees', p.id]">{{ p.name }}</a> <span class="muted">{{ p.position }}</span></li> }
        }
      </ul>
    </div>
    @if (node().children.length) {
      <div class="children">
        @for (child of node().children; track child.id) { <bs-org-node [node]="child" /> }
      </div>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: center; }
    .box { border: 1px solid #c4c7c5; border-radius: 8px; padding: 8px 12px; min-width: 160px; background: #fff; }
    .name { font-weight: 600; margin-bottom: 4px; }
    .head { display: flex; align-items: center; gap: 4px; }
    ul { margin: 4px 0 0; padding-left: 18px; }
    .muted { color: #666; font-size: 12px; }
    .children { display: flex; gap: 16px; margin-top: 16px; padding-top: 16px; border-top: 1px solid #c4c7c5; align-items: flex-start; }
  `,
})
export class OrgNodeView {
  readonly node = input.required<OrgNode>();
}

@Component({
  selector: 'bs-org-chart',
  imports: [OrgNodeView, TranslatePipe],
  template: `
    <h2>{{ 'hr.orgChart.title' | translate }}</h2>
    <div class="chart" data-testid="org-chart">
      @for (root of roots(); track root.id) { <bs-org-node [node]="root" /> }
      @empty { <p class="muted">{{ 'common.empty' | translate }}</p> }
    </div>
  `,
  styles: `.chart { display: flex; gap: 24px; overflow: auto; padding: 8px; align-items: flex-start; } .muted { color: #666; }`,
})
export class OrgChartPage implements OnInit {
  private readonly api = inject(HrApi);
  private readonly notifier = inject(Notifier);
  protected readonly roots = signal<OrgNode[]>([]);

  ngOnInit(): void { this.api.orgChart().subscribe({ next: r => this.roots.set(r), error: e => this.notifier.error(e) }); }
}
