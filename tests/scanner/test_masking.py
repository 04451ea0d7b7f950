from __future__ import annotations

import pytest

from scanner.masking import mask


@pytest.mark.parametrize(
    ("entity", "value", "masked"),
    [
        ("PERSON", "山田 太郎", "山田 **"),
        ("PHONE_NUMBER", "090-1234-5678", "090-****-5678"),
        ("EMAIL_ADDRESS", "taro@example.co.jp", "t***@example.co.jp"),
        ("JP_MY_NUMBER", "1234 5678 9018", "**** **** 9018"),
        ("DATE_OF_BIRTH", "昭和60年4月1日", "昭和**年*月*日"),
    ],
)
def test_mask(entity, value, masked):
    assert mask(entity, value) == masked


def test_address_keeps_only_the_area():
    masked = mask("ADDRESS", "東京都千代田区神田富山町5-1 神田ビル8F")
    assert masked.startswith("東京都千代田区神田富山町") and "5" not in masked
