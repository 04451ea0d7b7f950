"""The recognizers Kojin runs, in one presidio RecognizerRegistry."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from scanner.detect.recognizers.jp_address_recognizer import JpAddressRecognizer
from scanner.detect.recognizers.jp_bank_account_recognizer import JpBankAccountRecognizer
from scanner.detect.recognizers.jp_basic_pension_recognizer import JpBasicPensionNumberRecognizer
from scanner.detect.recognizers.jp_corporate_number_recognizer import JpCorporateNumberRecognizer
from scanner.detect.recognizers.jp_credit_card_recognizer import JpCreditCardRecognizer
from scanner.detect.recognizers.jp_date_of_birth_recognizer import JpDateOfBirthRecognizer
from scanner.detect.recognizers.jp_driver_license_recognizer import JpDriverLicenseRecognizer
from scanner.detect.recognizers.jp_email_recognizer import JpEmailRecognizer
from scanner.detect.recognizers.jp_employer_recognizer import JpEmployerRecognizer
from scanner.detect.recognizers.jp_kana_name_recognizer import JpKanaNameRecognizer
from scanner.detect.recognizers.jp_my_number_recognizer import JpMyNumberRecognizer
from scanner.detect.recognizers.jp_passport_recognizer import JpPassportRecognizer
from scanner.detect.recognizers.jp_person_recognizer import JpPersonRecognizer
from scanner.detect.recognizers.jp_phone_recognizer import JpPhoneRecognizer
from scanner.detect.recognizers.jp_postal_code_recognizer import JpPostalCodeRecognizer
from scanner.detect.recognizers.jp_residence_card_recognizer import JpResidenceCardRecognizer

FAST_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    JpPersonRecognizer,
    JpKanaNameRecognizer,
    JpAddressRecognizer,
    JpPostalCodeRecognizer,
    JpPhoneRecognizer,
    JpEmailRecognizer,
    JpDateOfBirthRecognizer,
    JpEmployerRecognizer,
    JpMyNumberRecognizer,
    JpCorporateNumberRecognizer,
    JpPassportRecognizer,
    JpDriverLicenseRecognizer,
    JpResidenceCardRecognizer,
    JpBasicPensionNumberRecognizer,
    JpBankAccountRecognizer,
    JpCreditCardRecognizer,
)


def build_registry(mode: str, entities: tuple[str, ...] | None = None) -> RecognizerRegistry:
    """All Japanese recognizers for ``mode`` ("fast" or "deep"), limited to ``entities``."""
    recognizers: list[EntityRecognizer] = [cls() for cls in FAST_RECOGNIZERS]
    if mode == "deep":
        from scanner.detect.recognizers.ginza_ner_recognizer import GinzaNerRecognizer

        recognizers += [GinzaNerRecognizer("PERSON"), GinzaNerRecognizer("EMPLOYER")]
    if entities is not None:
        wanted = set(entities) | {"JP_CORPORATE_NUMBER"}  # it guards My Number
        recognizers = [r for r in recognizers if set(r.supported_entities) & wanted]
    registry = RecognizerRegistry(supported_languages=["ja"])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return registry
