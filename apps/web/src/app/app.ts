import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { Footer, Header, SkipLink } from '@dspt/web/ui';

@Component({
  selector: 'dspt-root',
  imports: [RouterOutlet, Footer, Header, SkipLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-skip-link />
    <dspt-header serviceName="DSPT Support Portal" />
    <div class="nhsuk-width-container">
      <main class="nhsuk-main-wrapper" id="maincontent">
        <router-outlet />
      </main>
    </div>
    <dspt-footer>
      <p class="nhsuk-body-s">
        For Local Support Partners of the Better Security, Better Care programme.
      </p>
    </dspt-footer>
  `,
})
export class App {}
