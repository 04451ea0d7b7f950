"""The recognizers Kojin runs, in one presidio RecognizerRegistry."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from scanner.recognizers.jp_address_recognizer import JpAddressRecognizer
from scanner.recognizers.jp_bank_account_recognizer import JpBankAccountRecognizer
from scanner.recognizers.jp_basic_pension_recognizer import JpBasicPensionNumberRecognizer
from scanner.recognizers.jp_corporate_number_recognizer import JpCorporateNumberRecognizer
from scanner.recognizers.jp_credit_card_recognizer import JpCreditCardRecognizer
from scanner.recognizers.jp_date_of_birth_recognizer import JpDateOfBirthRecognizer
from scanner.recognizers.jp_driver_license_recognizer import JpDriverLicenseRecognizer
from scanner.recognizers.jp_email_recognizer import JpEmailRecognizer
from scanner.recognizers.jp_employer_recognizer import JpEmployerRecognizer
from scanner.recognizers.jp_kana_name_recognizer import JpKanaNameRecognizer
from scanner.recognizers.jp_my_number_recognizer import JpMyNumberRecognizer
from scanner.recognizers.jp_passport_recognizer import JpPassportRecognizer
from scanner.recognizers.jp_person_recognizer import JpPersonRecognizer
from scanner.recognizers.jp_phone_recognizer import JpPhoneRecognizer
from scanner.recognizers.jp_postal_code_recognizer import JpPostalCodeRecognizer
from scanner.recognizers.jp_residence_card_recognizer import JpResidenceCardRecognizer
from scanner.recognizers.jp_special_care_creed_recognizer import JpSpecialCareCreedRecognizer
from scanner.recognizers.jp_special_care_criminal_recognizer import (
    JpSpecialCareCriminalRecognizer,
)
from scanner.recognizers.jp_special_care_disability_recognizer import (
    JpSpecialCareDisabilityRecognizer,
)
from scanner.recognizers.jp_special_care_health_check_recognizer import (
    JpSpecialCareHealthCheckRecognizer,
)
from scanner.recognizers.jp_special_care_medical_recognizer import (
    JpSpecialCareMedicalRecognizer,
)
from scanner.recognizers.jp_special_care_race_recognizer import JpSpecialCareRaceRecognizer

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
    JpSpecialCareMedicalRecognizer,
    JpSpecialCareHealthCheckRecognizer,
    JpSpecialCareDisabilityRecognizer,
    JpSpecialCareCriminalRecognizer,
    JpSpecialCareCreedRecognizer,
    JpSpecialCareRaceRecognizer,
)


def build_registry(mode: str, entities: tuple[str, ...] | None = None) -> RecognizerRegistry:
    """All Japanese recognizers for ``mode`` ("fast" or "deep"), limited to ``entities``."""
    recognizers: list[EntityRecognizer] = [cls() for cls in FAST_RECOGNIZERS]
    if mode == "deep":
        from scanner.recognizers.ginza_ner_recognizer import GinzaNerRecognizer

        recognizers += [GinzaNerRecognizer("PERSON"), GinzaNerRecognizer("EMPLOYER")]
    if entities is not None:
        wanted = set(entities) | {"JP_CORPORATE_NUMBER"}  # it guards My Number
        recognizers = [r for r in recognizers if set(r.supported_entities) & wanted]
    registry = RecognizerRegistry(supported_languages=["ja"])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return registry
