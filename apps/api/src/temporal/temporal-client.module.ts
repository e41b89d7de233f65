import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { connectTemporalClient } from '../../../../libs/temporal/src/index.js';
import { MonitoringGateway } from './monitoring.gateway.js';
import { ScreeningWorkflowsGateway } from './screening-workflows.gateway.js';
import { TenderWorkflowsGateway } from './tender-workflows.gateway.js';

/** The API's Temporal Client; the API drives workflows through it and never runs workflow logic. */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      useFactory: (config: AppConfig) =>
        connectTemporalClient(config.TEMPORAL_ADDRESS!, config.TEMPORAL_NAMESPACE),
      inject: [AppConfig],
    },
    ScreeningWorkflowsGateway,
    TenderWorkflowsGateway,
    MonitoringGateway,
  ],
  exports: [Client, ScreeningWorkflowsGateway, TenderWorkflowsGateway, MonitoringGateway],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
