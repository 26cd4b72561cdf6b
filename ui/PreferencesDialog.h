#pragma once

#include <QDialog>

class Preferences;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class Translations;

// Language, confirmations and extra engine addresses. OK saves them and switches the language
// at once; the main window then connects to the addresses that were added.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(Preferences& preferences, Translations& translations,
                      QWidget* parent = nullptr);

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    // Adds what the address field holds; false when it is not an engine address.
    bool addHost();
    void updateButtons();

    Preferences& m_preferences;
    Translations& m_translations;

    QGroupBox* m_generalBox = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_languageCombo = nullptr;
    QCheckBox* m_confirmDeleteCheck = nullptr;
    QCheckBox* m_startAfterCreateCheck = nullptr;
    QGroupBox* m_enginesBox = nullptr;
    QLabel* m_enginesText = nullptr;
    QListWidget* m_hostsList = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_hostError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
