"""The recognizers Kojin runs, in one presidio RecognizerRegistry."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from .jp_address_recognizer import JpAddressRecognizer
from .jp_bank_account_recognizer import JpBankAccountRecognizer
from .jp_basic_pension_recognizer import JpBasicPensionNumberRecognizer
from .jp_corporate_number_recognizer import JpCorporateNumberRecognizer
from .jp_credit_card_recognizer import JpCreditCardRecognizer
from .jp_date_of_birth_recognizer import JpDateOfBirthRecognizer
from .jp_driver_license_recognizer import JpDriverLicenseRecognizer
from .jp_email_recognizer import JpEmailRecognizer
from .jp_employer_recognizer import JpEmployerRecognizer
from .jp_kana_name_recognizer import JpKanaNameRecognizer
from .jp_my_number_recognizer import JpMyNumberRecognizer
from .jp_passport_recognizer import JpPassportRecognizer
from .jp_person_recognizer import JpPersonRecognizer
from .jp_phone_recognizer import JpPhoneRecognizer
from .jp_postal_code_recognizer import JpPostalCodeRecognizer
from .jp_residence_card_recognizer import JpResidenceCardRecognizer
from .jp_special_care_creed_recognizer import JpSpecialCareCreedRecognizer
from .jp_special_care_criminal_recognizer import JpSpecialCareCriminalRecognizer
from .jp_special_care_disability_recognizer import JpSpecialCareDisabilityRecognizer
from .jp_special_care_health_check_recognizer import JpSpecialCareHealthCheckRecognizer
from .jp_special_care_medical_recognizer import JpSpecialCareMedicalRecognizer
from .jp_special_care_race_recognizer import JpSpecialCareRaceRecognizer

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
        from scanner.detect.recognizers.ginza_ner_recognizer import GinzaNerRecognizer

        recognizers += [GinzaNerRecognizer("PERSON"), GinzaNerRecognizer("EMPLOYER")]
    if entities is not None:
        # no corporate-number "guard" for My Number: the My Number patterns reject a
        # corporate number themselves (test_detector), and the pipeline dropped it anyway
        recognizers = [r for r in recognizers if set(r.supported_entities) & set(entities)]
    registry = RecognizerRegistry(supported_languages=["ja"])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return registry
