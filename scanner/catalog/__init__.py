"""The catalog: purposes of use from the privacy policy, data assets, and verdicts."""
