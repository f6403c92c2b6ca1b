"""The OSO and Corine nomenclatures in resources/ (issue 4, item 8)."""
import re

from dataterra.dataterra_plugin import nomenclature


def test_oso_has_the_23_classes_of_the_design():
    classes = nomenclature.load("oso")
    assert [c.code for c in classes] == list(range(1, 24))
    by_code = nomenclature.by_code("oso")
    assert by_code[15].label_en == "Vineyards" and by_code[15].label_fr == "Vignes"
    assert by_code[23].label_en == "Water"
    assert nomenclature.natural_codes("oso") == [13, 16, 17, 18, 19, 20, 21, 22, 23]


def test_corine_has_44_level3_classes_and_the_fragscape_preset():
    classes = nomenclature.load("clc")
    assert len(classes) == 44
    assert all(100 < c.code < 600 for c in classes)
    expected = [231, 243, 311, 312, 313, 321, 322, 323, 324, 331, 332, 333, 411, 421, 422, 511, 512, 521]
    assert nomenclature.natural_codes("clc") == expected


def test_every_class_has_labels_and_a_colour():
    for name in nomenclature.NOMENCLATURES:
        for c in nomenclature.load(name):
            assert c.label_fr and c.label_en
            assert re.fullmatch(r"#[0-9a-f]{6}", c.color), (name, c.code, c.color)
