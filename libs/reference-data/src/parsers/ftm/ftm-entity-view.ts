// Read access to one FollowTheMoney entity: `{id, schema, properties: {name: [...], ...}, datasets}`.
// Property values are lists of strings; in nested exports an entity reference may be an object with an id.
import {
  asObject,
  confidenceValue,
  dateValue,
  fieldPath,
  isObject,
  optionalStringList,
  requiredString,
  stringValue,
} from '../fields.js';
import type { JsonObject } from '../fields.js';
import type { Confidence } from '../../../../contracts/src/index.js';
import { RecordIssue } from '../parse-error.js';

export class FtmEntityView {
  readonly id: string;
  readonly schema: string | undefined;
  readonly datasets: string[];
  private readonly properties: JsonObject;

  constructor(
    value: unknown,
    /** Where the entity sits in the line: '' for entity lines, 'entity' in delta lines. */
    private readonly path: string,
  ) {
    const entity = asObject(value, path);
    this.id = requiredString(entity, 'id', path);
    this.schema = stringValue(entity.schema, fieldPath(path, 'schema'));
    this.datasets = optionalStringList(entity, 'datasets', path);
    const properties = entity.properties;
    this.properties =
      properties === undefined || properties === null ? {} : asObject(properties, this.field(''));
  }

  requiredSchema(): string {
    if (this.schema === undefined) throw new RecordIssue(this.topLevelField('schema'), 'required');
    return this.schema;
  }

  /** Dotted path of a top-level key for error messages: "datasets", "entity.datasets". */
  topLevelField(key: string): string {
    return fieldPath(this.path, key);
  }

  /** Dotted path of a property for error messages: "properties.name", "entity.properties.owner". */
  field(property: string): string {
    const properties = fieldPath(this.path, 'properties');
    return property ? fieldPath(properties, property) : properties;
  }

  values(property: string): string[] {
    const value = this.properties[property];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new RecordIssue(this.field(property), 'must be a list of values');
    const values: string[] = [];
    value.forEach((item, index) => {
      const text = stringValue(isObject(item) ? item.id : item, fieldPath(this.field(property), index));
      if (text !== undefined) values.push(text);
    });
    return values;
  }

  first(property: string): string | undefined {
    return this.values(property)[0];
  }

  required(property: string): string {
    const value = this.first(property);
    if (value === undefined) throw new RecordIssue(this.field(property), 'required');
    return value;
  }

  firstDate(...properties: string[]): string | undefined {
    for (const property of properties) {
      const value = this.first(property);
      if (value !== undefined) return dateValue(value, fieldPath(this.field(property), 0));
    }
    return undefined;
  }

  /** The non-standard `confidence` property this project's FtM files carry (see ftm.parser.ts). */
  confidence(): Confidence | undefined {
    return confidenceValue(this.first('confidence'), fieldPath(this.field('confidence'), 0));
  }
}
