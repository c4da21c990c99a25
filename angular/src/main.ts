import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

// Number and date pipes given the UI language (the home page's amounts and due dates) need its locale data:
// without it they throw NG02100 and the rest of the page stops rendering.
registerLocaleData(localeZh, 'zh-CN');

bootstrapApplication(App, appConfig)
  .catch((err) => console.error(err));
