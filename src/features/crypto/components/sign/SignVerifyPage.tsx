import { ProduceAndVerifyPage } from '../shared/ProduceAndVerifyPage';
import { SignForm } from './SignForm';
import { VerifyForm } from './VerifyForm';

/** Sign and Verify with an asymmetric SIGN_VERIFY key; a signature goes to Verify in one click. */
export default function SignVerifyPage() {
  return (
    <ProduceAndVerifyPage
      title="Sign and verify"
      description="Digital signatures with an asymmetric KMS key (RSA, elliptic curve or ML-DSA, usage SIGN_VERIFY)."
      tabsLabel="Signing operations"
      produce={{ id: 'sign', label: 'Sign', Form: SignForm }}
      verify={{ label: 'Verify', Form: VerifyForm }}
    />
  );
}
