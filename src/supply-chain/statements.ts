// The in-toto statements that are signed: cosign's signature statement about a manifest digest,
// and the SLSA build provenance statement actions/attest-build-provenance makes.
const INTOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** What cosign 3 signs by default (`cosign sign` with the new bundle format). */
export const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
export const SLSA_PROVENANCE_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';

export interface InTotoStatement {
  _type: typeof INTOTO_STATEMENT_TYPE;
  subject: Array<{ name?: string; digest: Record<string, string> }>;
  predicateType: string;
  predicate: object;
}

function sha256Hex(digest: string): string {
  const match = /^sha256:([a-f0-9]{64})$/.exec(digest);
  if (!match) throw new Error(`"${digest}" is not a sha256 digest`);
  return match[1]!;
}

/** cosign's statement: the subject is the digest alone (no name), the predicate empty. */
export function cosignSignStatement(manifestDigest: string): InTotoStatement {
  return {
    _type: INTOTO_STATEMENT_TYPE,
    subject: [{ digest: { sha256: sha256Hex(manifestDigest) } }],
    predicateType: COSIGN_SIGN_PREDICATE_TYPE,
    predicate: {},
  };
}

/** attest-build-provenance's statement: the subject named by the repository without tag (`ghcr.io/acme/charts/app`). */
export function provenanceStatement(subjectName: string, manifestDigest: string, predicate: object): InTotoStatement {
  return {
    _type: INTOTO_STATEMENT_TYPE,
    subject: [{ name: subjectName, digest: { sha256: sha256Hex(manifestDigest) } }],
    predicateType: SLSA_PROVENANCE_PREDICATE_TYPE,
    predicate,
  };
}
