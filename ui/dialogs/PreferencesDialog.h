#pragma once

#include <QDialog>

class Preferences;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QDialogButtonBox;
class QFontComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class Translations;

// Language, confirmations and extra engine addresses; the terminal's font, history, clipboard
// and cursor, and the folder every session's log is saved into. OK saves them and switches the
// language at once; the main window then connects to the addresses that were added. Terminal
// settings apply to terminals opened afterwards (the log folder to every session that ends).
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
    void updateTerminalPage();
    // False, with the reason shown, when the session-log settings cannot work.
    bool checkSessionLog();

    Preferences& m_preferences;
    Translations& m_translations;

    QGroupBox* m_generalBox = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_languageCombo = nullptr;
    QCheckBox* m_confirmDeleteCheck = nullptr;
    QCheckBox* m_startAfterCreateCheck = nullptr;
    QLabel* m_cleanupLabel = nullptr;
    QSpinBox* m_cleanupSpin = nullptr;
    QLabel* m_idleLabel = nullptr;
    QSpinBox* m_idleSpin = nullptr;
    QLabel* m_idleCpuLabel = nullptr;
    QDoubleSpinBox* m_idleCpuSpin = nullptr;
    QLabel* m_logMemoryLabel = nullptr;
    QSpinBox* m_logMemorySpin = nullptr;
    QGroupBox* m_enginesBox = nullptr;
    QLabel* m_enginesText = nullptr;
    QListWidget* m_hostsList = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_hostError = nullptr;
    QTabWidget* m_pages = nullptr;
    QWidget* m_generalPage = nullptr;
    QWidget* m_terminalPage = nullptr;
    QGroupBox* m_terminalBox = nullptr;
    QCheckBox* m_systemFontCheck = nullptr;
    QLabel* m_fontLabel = nullptr;
    QFontComboBox* m_fontCombo = nullptr;
    QLabel* m_fontSizeLabel = nullptr;
    QSpinBox* m_fontSizeSpin = nullptr;
    QLabel* m_scrollbackLabel = nullptr;
    QSpinBox* m_scrollbackSpin = nullptr;
    QCheckBox* m_clipboardCheck = nullptr;
    QCheckBox* m_cursorBlinkCheck = nullptr;
    QGroupBox* m_logBox = nullptr;
    QCheckBox* m_logCheck = nullptr;
    QLabel* m_logFolderLabel = nullptr;
    QLineEdit* m_logFolderEdit = nullptr;
    QPushButton* m_logBrowseButton = nullptr;
    QLabel* m_logFormatsLabel = nullptr;
    QCheckBox* m_logTextCheck = nullptr;
    QCheckBox* m_logHtmlCheck = nullptr;
    QCheckBox* m_logCastCheck = nullptr;
    QCheckBox* m_recordInputCheck = nullptr;
    QLabel* m_logError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
