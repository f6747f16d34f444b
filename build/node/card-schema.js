'use strict';
// A JSON Schema (draft-07) for the part of Adaptive Cards that BankingBot's templates use, for one schema version.
// npm `adaptivecards` 3.0.6 ships no JSON schema, so this one is written from the Adaptive Cards reference: each
// element, action and property carries the version that introduced it, and a card asking for anything newer than
// the target version, or for anything not listed here, fails. Unknown properties fail too (the official schema
// also forbids them).

const at = (since, schema) => ({ since, schema });
const str = { type: 'string' };
const bool = { type: 'boolean' };
const num = { type: 'number' };
const oneOf = (...values) => ({ enum: values });
const ref = (name) => ({ $ref: `#/definitions/${name}` });
const list = (items) => ({ type: 'array', items });

const spacing = oneOf('default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding',
  'Default', 'None', 'Small', 'Medium', 'Large', 'ExtraLarge', 'Padding');
const color = oneOf('Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention');
const size = oneOf('Default', 'Small', 'Medium', 'Large', 'ExtraLarge');
const weight = oneOf('Default', 'Lighter', 'Bolder');
const align = oneOf('Left', 'Center', 'Right');
const vertical = oneOf('Top', 'Center', 'Bottom');
const containerStyle = oneOf('default', 'emphasis', 'good', 'attention', 'warning', 'accent',
  'Default', 'Emphasis', 'Good', 'Attention', 'Warning', 'Accent');

const elementCommon = {
  id: at('1.0', str), spacing: at('1.0', spacing), separator: at('1.0', bool),
  height: at('1.1', oneOf('auto', 'stretch')),
  isVisible: at('1.2', bool), requires: at('1.2', { type: 'object' }),
  fallback: at('1.2', { anyOf: [oneOf('drop'), ref('Element')] }),
};
const inputCommon = {
  ...elementCommon, isRequired: at('1.3', bool), errorMessage: at('1.3', str), label: at('1.3', str),
};
const actionCommon = {
  title: at('1.0', str), iconUrl: at('1.1', str), id: at('1.0', str),
  style: at('1.2', oneOf('default', 'positive', 'destructive')), requires: at('1.2', { type: 'object' }),
  fallback: at('1.2', { anyOf: [oneOf('drop'), ref('Action')] }), tooltip: at('1.5', str), isEnabled: at('1.5', bool),
  mode: at('1.5', oneOf('primary', 'secondary')),
};

const elements = {
  TextBlock: at('1.0', { required: ['text'], props: { ...elementCommon, text: at('1.0', str), color: at('1.0', color),
    fontType: at('1.2', oneOf('Default', 'Monospace')), horizontalAlignment: at('1.0', align),
    isSubtle: at('1.0', bool), maxLines: at('1.0', num), size: at('1.0', size), weight: at('1.0', weight),
    wrap: at('1.0', bool), style: at('1.5', oneOf('default', 'heading')) } }),
  RichTextBlock: at('1.2', { required: ['inlines'], props: { ...elementCommon,
    inlines: at('1.2', list({ anyOf: [ref('TextRun'), str] })), horizontalAlignment: at('1.2', align) } }),
  FactSet: at('1.0', { required: ['facts'], props: { ...elementCommon, facts: at('1.0', list(ref('Fact'))) } }),
  Container: at('1.0', { required: ['items'], props: { ...elementCommon, items: at('1.0', list(ref('Element'))),
    style: at('1.0', containerStyle), verticalContentAlignment: at('1.1', vertical), bleed: at('1.2', bool),
    minHeight: at('1.2', str), rtl: at('1.5', bool), selectAction: at('1.1', ref('Action')) } }),
  ColumnSet: at('1.0', { required: [], props: { ...elementCommon, columns: at('1.0', list(ref('Column'))),
    style: at('1.2', containerStyle), bleed: at('1.2', bool), minHeight: at('1.2', str),
    horizontalAlignment: at('1.2', align), selectAction: at('1.1', ref('Action')) } }),
  ActionSet: at('1.2', { required: ['actions'], props: { ...elementCommon, actions: at('1.2', list(ref('Action'))) } }),
  'Input.Text': at('1.0', { required: ['id'], props: { ...inputCommon, isMultiline: at('1.0', bool),
    maxLength: at('1.0', num), placeholder: at('1.0', str), regex: at('1.3', str), value: at('1.0', str),
    style: at('1.0', oneOf('text', 'tel', 'url', 'email', 'Text', 'Tel', 'Url', 'Email')) } }),
  'Input.ChoiceSet': at('1.0', { required: ['id'], props: { ...inputCommon, choices: at('1.0', list(ref('Choice'))),
    isMultiSelect: at('1.0', bool), style: at('1.0', oneOf('compact', 'expanded', 'filtered')),
    value: at('1.0', str), placeholder: at('1.0', str), wrap: at('1.2', bool) } }),
  'Input.Toggle': at('1.0', { required: ['id', 'title'], props: { ...inputCommon, title: at('1.0', str),
    value: at('1.0', str), valueOff: at('1.0', str), valueOn: at('1.0', str), wrap: at('1.2', bool) } }),
};
const actions = {
  'Action.Submit': at('1.0', { required: [], props: { ...actionCommon, data: at('1.0', { type: ['string', 'object'] }),
    associatedInputs: at('1.3', oneOf('auto', 'none', 'Auto', 'None')) } }),
  'Action.Execute': at('1.4', { required: [], props: { ...actionCommon, verb: at('1.4', str),
    data: at('1.4', { type: ['string', 'object'] }),
    associatedInputs: at('1.4', oneOf('auto', 'none', 'Auto', 'None')) } }),
  'Action.OpenUrl': at('1.0', { required: ['url'], props: { ...actionCommon, url: at('1.0', str) } }),
};

const newer = (since, version) => {
  const [a, b] = since.split('.').map(Number);
  const [c, d] = version.split('.').map(Number);
  return a > c || (a === c && b > d);
};

function objectSchema(typeName, def, version, typeRequired = true) {
  const properties = { type: { const: typeName } };
  for (const [name, prop] of Object.entries(def.props)) {
    if (!newer(prop.since, version)) properties[name] = prop.schema;
  }
  return { type: 'object', properties, additionalProperties: false,
    required: [...(typeRequired ? ['type'] : []), ...def.required] };
}

function union(table, version) {
  const known = Object.entries(table).filter(([, d]) => !newer(d.since, version));
  return { type: 'object', required: ['type'], discriminator: { propertyName: 'type' },
    oneOf: known.map(([name, d]) => objectSchema(name, d.schema, version)) };
}

/** The schema for cards of one version ("1.5", "1.6"). */
function schemaFor(version) {
  const card = { ...elementCommon };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `bankingbot:adaptive-card-subset-${version}`,
    ...objectSchema('AdaptiveCard', { required: ['version'], props: {
      version: at('1.0', { type: 'string', pattern: '^1\\.[0-9]$' }), $schema: at('1.0', str),
      body: at('1.0', list(ref('Element'))), actions: at('1.0', list(ref('Action'))),
      fallbackText: at('1.0', str), speak: at('1.0', str), lang: at('1.0', str), minHeight: at('1.2', str),
      verticalContentAlignment: at('1.1', vertical), selectAction: at('1.1', ref('Action')), rtl: at('1.5', bool),
      metadata: at('1.6', { type: 'object', properties: { webUrl: str }, additionalProperties: false }),
    } }, version),
    definitions: {
      Element: union(elements, version),
      Action: union(actions, version),
      Column: objectSchema('Column', { required: [], props: { ...card, items: at('1.0', list(ref('Element'))),
        width: at('1.0', { type: ['string', 'number'] }), style: at('1.0', containerStyle),
        verticalContentAlignment: at('1.1', vertical), bleed: at('1.2', bool), minHeight: at('1.2', str),
        rtl: at('1.5', bool), selectAction: at('1.1', ref('Action')) } }, version, false),
      Fact: { type: 'object', required: ['title', 'value'], additionalProperties: false,
        properties: { title: str, value: str } },
      Choice: { type: 'object', required: ['title', 'value'], additionalProperties: false,
        properties: { type: { const: 'Input.Choice' }, title: str, value: str } },
      TextRun: objectSchema('TextRun', { required: ['text'], props: { text: at('1.2', str), color: at('1.2', color),
        fontType: at('1.2', oneOf('Default', 'Monospace')), highlight: at('1.2', bool), isSubtle: at('1.2', bool),
        italic: at('1.2', bool), size: at('1.2', size), strikethrough: at('1.2', bool), underline: at('1.3', bool),
        weight: at('1.2', weight), selectAction: at('1.2', ref('Action')) } }, version),
    },
  };
}

module.exports = { schemaFor };
