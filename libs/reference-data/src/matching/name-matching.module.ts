import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MatchCandidatesRepository } from './match-candidates.repository.js';
import { NameMatcher, type NameMatcherOptions } from './name-matcher.js';

/** The name matcher for Nest consumers (the worker's name screening, the API's search). */
@Module({})
export class NameMatchingModule {
  static forRoot(options: NameMatcherOptions = {}): DynamicModule {
    return {
      module: NameMatchingModule,
      providers: [
        {
          provide: NameMatcher,
          useFactory: (db: DataSource) => new NameMatcher(new MatchCandidatesRepository(db), options),
          inject: [DataSource],
        },
      ],
      exports: [NameMatcher],
    };
  }
}
