import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service';
import { parseAppConfig } from './parse-app-config';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: parseAppConfig })],
  providers: [AppConfigService],
  exports: [AppConfigService],
})
export class AppConfigModule {}
