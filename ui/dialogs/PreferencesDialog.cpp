#include "PreferencesDialog.h"

#include "net/Endpoint.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <initializer_list>

PreferencesDialog::PreferencesDialog(Preferences& preferences, Translations& translations,
                                     QWidget* parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_translations(translations)
    , m_generalBox(new QGroupBox)
    , m_languageLabel(new QLabel)
    , m_languageCombo(new QComboBox)
    , m_confirmDeleteCheck(new QCheckBox)
    , m_startAfterCreateCheck(new QCheckBox)
    , m_enginesBox(new QGroupBox)
    , m_enginesText(new QLabel)
    , m_hostsList(new QListWidget)
    , m_hostEdit(new QLineEdit)
    , m_addButton(new QPushButton)
    , m_removeButton(new QPushButton)
    , m_hostError(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setMinimumWidth(520);

    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(QString(), QString());
    for (const QString& language : Preferences::supportedLanguages())
        m_languageCombo->addItem(Translations::displayName(language), language);
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(preferences.language())));
    m_languageLabel->setBuddy(m_languageCombo);
    m_confirmDeleteCheck->setObjectName(QStringLiteral("confirmDeleteCheck"));
    m_confirmDeleteCheck->setChecked(preferences.confirmDelete());
    m_startAfterCreateCheck->setObjectName(QStringLiteral("startAfterCreateCheck"));
    m_startAfterCreateCheck->setChecked(preferences.startAfterCreate());
    m_cleanupLabel = new QLabel;
    m_cleanupSpin = new QSpinBox;
    m_cleanupSpin->setObjectName(QStringLiteral("cleanupSpin"));
    m_cleanupSpin->setRange(0, 7 * 24 * 60);
    m_cleanupSpin->setValue(preferences.cleanupIntervalMinutes());
    m_cleanupLabel->setBuddy(m_cleanupSpin);
    m_idleLabel = new QLabel;
    m_idleSpin = new QSpinBox;
    m_idleSpin->setObjectName(QStringLiteral("idleCleanupSpin"));
    m_idleSpin->setRange(0, 30 * 24 * 60);
    m_idleSpin->setValue(preferences.idleCleanupMinutes());
    m_idleLabel->setBuddy(m_idleSpin);
    m_idleCpuLabel = new QLabel;
    m_idleCpuSpin = new QDoubleSpinBox;
    m_idleCpuSpin->setObjectName(QStringLiteral("idleCpuSpin"));
    m_idleCpuSpin->setRange(0.1, 100);
    m_idleCpuSpin->setDecimals(1);
    m_idleCpuSpin->setValue(preferences.idleCpuPercent());
    m_idleCpuLabel->setBuddy(m_idleCpuSpin);
    // Idle clean-up runs with the timer's clean-up, never without it.
    const auto enableIdle = [this] {
        m_idleSpin->setEnabled(m_cleanupSpin->value() > 0);
        m_idleCpuSpin->setEnabled(m_cleanupSpin->value() > 0 && m_idleSpin->value() > 0);
    };
    connect(m_cleanupSpin, &QSpinBox::valueChanged, this, enableIdle);
    connect(m_idleSpin, &QSpinBox::valueChanged, this, enableIdle);
    enableIdle();
    m_logMemoryLabel = new QLabel;
    m_logMemorySpin = new QSpinBox;
    m_logMemorySpin->setObjectName(QStringLiteral("logMemorySpin"));
    m_logMemorySpin->setRange(16, 1024 * 1024);
    m_logMemorySpin->setSingleStep(64);
    m_logMemorySpin->setValue(preferences.logMemoryLimitMiB());
    m_logMemoryLabel->setBuddy(m_logMemorySpin);

    auto* general = new QFormLayout(m_generalBox);
    general->addRow(m_languageLabel, m_languageCombo);
    general->addRow(m_confirmDeleteCheck);
    general->addRow(m_startAfterCreateCheck);
    general->addRow(m_cleanupLabel, m_cleanupSpin);
    general->addRow(m_idleLabel, m_idleSpin);
    general->addRow(m_idleCpuLabel, m_idleCpuSpin);
    general->addRow(m_logMemoryLabel, m_logMemorySpin);

    m_enginesText->setWordWrap(true);
    m_hostsList->setObjectName(QStringLiteral("hostsList"));
    m_hostsList->addItems(preferences.dockerHosts());
    m_hostsList->setMaximumHeight(m_hostsList->fontMetrics().height() * 6);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setClearButtonEnabled(true);
    m_addButton->setObjectName(QStringLiteral("addHostButton"));
    m_removeButton->setObjectName(QStringLiteral("removeHostButton"));
    m_hostError->setObjectName(QStringLiteral("hostError"));
    m_hostError->setWordWrap(true);
    m_hostError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_hostError->hide();

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_hostEdit, 1);
    addRow->addWidget(m_addButton);
    addRow->addWidget(m_removeButton);
    auto* engines = new QVBoxLayout(m_enginesBox);
    engines->addWidget(m_enginesText);
    engines->addWidget(m_hostsList);
    engines->addLayout(addRow);
    engines->addWidget(m_hostError);

    m_generalPage = new QWidget;
    auto* generalPage = new QVBoxLayout(m_generalPage);
    generalPage->addWidget(m_generalBox);
    generalPage->addWidget(m_enginesBox);
    generalPage->addStretch();

    m_terminalBox = new QGroupBox;
    m_systemFontCheck = new QCheckBox;
    m_systemFontCheck->setObjectName(QStringLiteral("systemFontCheck"));
    m_systemFontCheck->setChecked(preferences.terminalFontFamily().isEmpty());
    m_fontLabel = new QLabel;
    m_fontCombo = new QFontComboBox;
    m_fontCombo->setObjectName(QStringLiteral("terminalFontCombo"));
    m_fontCombo->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontCombo->setCurrentFont(preferences.terminalFontFamily().isEmpty()
                                    ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                                    : QFont(preferences.terminalFontFamily()));
    m_fontLabel->setBuddy(m_fontCombo);
    m_fontSizeLabel = new QLabel;
    m_fontSizeSpin = new QSpinBox;
    m_fontSizeSpin->setObjectName(QStringLiteral("terminalFontSizeSpin"));
    m_fontSizeSpin->setRange(0, 72); // 0: the font's own size
    m_fontSizeSpin->setValue(std::max(0, preferences.terminalFontSize()));
    m_fontSizeLabel->setBuddy(m_fontSizeSpin);
    m_scrollbackLabel = new QLabel;
    m_scrollbackSpin = new QSpinBox;
    m_scrollbackSpin->setObjectName(QStringLiteral("scrollbackSpin"));
    m_scrollbackSpin->setRange(0, 1000000);
    m_scrollbackSpin->setSingleStep(1000);
    m_scrollbackSpin->setValue(std::max(0, preferences.scrollbackLines()));
    m_scrollbackLabel->setBuddy(m_scrollbackSpin);
    m_clipboardCheck = new QCheckBox;
    m_clipboardCheck->setObjectName(QStringLiteral("clipboardWritesCheck"));
    m_clipboardCheck->setChecked(preferences.terminalClipboardWrites());
    m_cursorBlinkCheck = new QCheckBox;
    m_cursorBlinkCheck->setObjectName(QStringLiteral("cursorBlinkCheck"));
    m_cursorBlinkCheck->setChecked(preferences.terminalCursorBlink());
    auto* terminal = new QFormLayout(m_terminalBox);
    terminal->addRow(m_systemFontCheck);
    terminal->addRow(m_fontLabel, m_fontCombo);
    terminal->addRow(m_fontSizeLabel, m_fontSizeSpin);
    terminal->addRow(m_scrollbackLabel, m_scrollbackSpin);
    terminal->addRow(m_clipboardCheck);
    terminal->addRow(m_cursorBlinkCheck);

    m_logBox = new QGroupBox;
    m_logCheck = new QCheckBox;
    m_logCheck->setObjectName(QStringLiteral("sessionLogCheck"));
    m_logCheck->setChecked(!preferences.sessionLogFolder().isEmpty());
    m_logFolderLabel = new QLabel;
    m_logFolderEdit = new QLineEdit;
    m_logFolderEdit->setObjectName(QStringLiteral("sessionLogFolderEdit"));
    m_logFolderEdit->setText(QDir::toNativeSeparators(preferences.sessionLogFolder()));
    m_logFolderLabel->setBuddy(m_logFolderEdit);
    m_logBrowseButton = new QPushButton;
    m_logBrowseButton->setObjectName(QStringLiteral("sessionLogBrowseButton"));
    m_logFormatsLabel = new QLabel;
    const QStringList formats = preferences.sessionLogFormats();
    m_logTextCheck = new QCheckBox;
    m_logTextCheck->setObjectName(QStringLiteral("sessionLogTextCheck"));
    m_logTextCheck->setChecked(formats.contains(QLatin1String("text")));
    m_logHtmlCheck = new QCheckBox;
    m_logHtmlCheck->setObjectName(QStringLiteral("sessionLogHtmlCheck"));
    m_logHtmlCheck->setChecked(formats.contains(QLatin1String("html")));
    m_logCastCheck = new QCheckBox;
    m_logCastCheck->setObjectName(QStringLiteral("sessionLogCastCheck"));
    m_logCastCheck->setChecked(formats.contains(QLatin1String("asciicast")));
    m_recordInputCheck = new QCheckBox;
    m_recordInputCheck->setObjectName(QStringLiteral("recordInputCheck"));
    m_recordInputCheck->setChecked(preferences.terminalRecordInput());
    m_logError = new QLabel;
    m_logError->setObjectName(QStringLiteral("sessionLogError"));
    m_logError->setWordWrap(true);
    m_logError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_logError->hide();
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_logFolderEdit, 1);
    folderRow->addWidget(m_logBrowseButton);
    auto* formatRow = new QHBoxLayout;
    formatRow->addWidget(m_logTextCheck);
    formatRow->addWidget(m_logHtmlCheck);
    formatRow->addWidget(m_logCastCheck);
    formatRow->addStretch();
    auto* logs = new QFormLayout(m_logBox);
    logs->addRow(m_logCheck);
    logs->addRow(m_logFolderLabel, folderRow);
    logs->addRow(m_logFormatsLabel, formatRow);
    logs->addRow(m_recordInputCheck);
    logs->addRow(m_logError);

    m_terminalPage = new QWidget;
    auto* terminalPage = new QVBoxLayout(m_terminalPage);
    terminalPage->addWidget(m_terminalBox);
    terminalPage->addWidget(m_logBox);
    terminalPage->addStretch();

    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("preferencePages"));
    m_pages->addTab(m_generalPage, QString());
    m_pages->addTab(m_terminalPage, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);

    connect(m_systemFontCheck, &QCheckBox::toggled, this, &PreferencesDialog::updateTerminalPage);
    connect(m_logCheck, &QCheckBox::toggled, this, [this] {
        m_logError->hide();
        updateTerminalPage();
    });
    connect(m_logFolderEdit, &QLineEdit::textChanged, this, [this] { m_logError->hide(); });
    connect(m_logBrowseButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Session Log Folder"),
                                                                 m_logFolderEdit->text().trimmed());
        if (!folder.isEmpty())
            m_logFolderEdit->setText(QDir::toNativeSeparators(folder));
    });
    for (QCheckBox* check : {m_logTextCheck, m_logHtmlCheck, m_logCastCheck})
        connect(check, &QCheckBox::toggled, this, [this] { m_logError->hide(); });

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addHost(); });
    connect(m_hostEdit, &QLineEdit::returnPressed, this, [this] { addHost(); });
    connect(m_hostEdit, &QLineEdit::textChanged, this, [this] {
        m_hostError->hide();
        updateButtons();
    });
    connect(m_removeButton, &QPushButton::clicked, this,
            [this] { delete m_hostsList->currentItem(); });
    connect(m_hostsList, &QListWidget::currentItemChanged, this, &PreferencesDialog::updateButtons);

    retranslateUi();
    updateButtons();
    updateTerminalPage();
}

void PreferencesDialog::updateTerminalPage()
{
    m_fontCombo->setEnabled(!m_systemFontCheck->isChecked());
    const bool logging = m_logCheck->isChecked();
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_logFolderEdit, m_logBrowseButton, m_logTextCheck, m_logHtmlCheck, m_logCastCheck})
        w->setEnabled(logging);
}

bool PreferencesDialog::checkSessionLog()
{
    if (!m_logCheck->isChecked())
        return true;
    QString problem;
    const QString folder = m_logFolderEdit->text().trimmed();
    if (folder.isEmpty())
        problem = tr("Choose a folder for the session logs.");
    else if (!QDir::isAbsolutePath(QDir::fromNativeSeparators(folder)))
        problem = tr("The session-log folder must be a full path.");
    else if (!m_logTextCheck->isChecked() && !m_logHtmlCheck->isChecked() &&
             !m_logCastCheck->isChecked())
        problem = tr("Choose at least one format for the session logs.");
    if (problem.isEmpty())
        return true;
    m_logError->setText(problem);
    m_logError->show();
    m_pages->setCurrentWidget(m_terminalPage);
    return false;
}

bool PreferencesDialog::addHost()
{
    const QString url = m_hostEdit->text().trimmed();
    if (url.isEmpty())
        return true;
    QString error;
    if (!Endpoint::fromUrl(url, &error).isValid()) {
        m_hostError->setText(error.isEmpty() ? tr("“%1” is not an engine address.").arg(url)
                                             : error);
        m_hostError->show();
        return false;
    }
    if (m_hostsList->findItems(url, Qt::MatchExactly).isEmpty())
        m_hostsList->addItem(url);
    m_hostEdit->clear();
    return true;
}

void PreferencesDialog::updateButtons()
{
    m_addButton->setEnabled(!m_hostEdit->text().trimmed().isEmpty());
    m_removeButton->setEnabled(m_hostsList->currentItem() != nullptr);
}

void PreferencesDialog::accept()
{
    // An address typed but not added is most likely meant to be added.
    if (!addHost())
        return;
    if (!checkSessionLog())
        return;
    QStringList hosts;
    for (int row = 0; row < m_hostsList->count(); ++row)
        hosts << m_hostsList->item(row)->text();
    m_preferences.setDockerHosts(hosts);
    m_preferences.setConfirmDelete(m_confirmDeleteCheck->isChecked());
    m_preferences.setStartAfterCreate(m_startAfterCreateCheck->isChecked());
    m_preferences.setCleanupIntervalMinutes(m_cleanupSpin->value());
    m_preferences.setIdleCleanupMinutes(m_idleSpin->value());
    m_preferences.setIdleCpuPercent(m_idleCpuSpin->value());
    m_preferences.setLogMemoryLimitMiB(m_logMemorySpin->value());
    m_preferences.setTerminalFontFamily(
        m_systemFontCheck->isChecked() ? QString() : m_fontCombo->currentFont().family());
    m_preferences.setTerminalFontSize(m_fontSizeSpin->value());
    m_preferences.setScrollbackLines(m_scrollbackSpin->value());
    m_preferences.setTerminalClipboardWrites(m_clipboardCheck->isChecked());
    m_preferences.setTerminalCursorBlink(m_cursorBlinkCheck->isChecked());
    QStringList logFormats;
    if (m_logTextCheck->isChecked())
        logFormats << QStringLiteral("text");
    if (m_logHtmlCheck->isChecked())
        logFormats << QStringLiteral("html");
    if (m_logCastCheck->isChecked())
        logFormats << QStringLiteral("asciicast");
    m_preferences.setSessionLogFormats(logFormats);
    m_preferences.setTerminalRecordInput(m_recordInputCheck->isChecked());
    m_preferences.setSessionLogFolder(
        m_logCheck->isChecked()
            ? QDir::cleanPath(QDir::fromNativeSeparators(m_logFolderEdit->text().trimmed()))
            : QString());
    const QString language = m_languageCombo->currentData().toString();
    m_preferences.setLanguage(language);
    m_preferences.sync();
    const QString effective = language.isEmpty() ? Translations::systemLanguage() : language;
    if (effective != m_translations.current())
        m_translations.apply(language);
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslateUi()
{
    setWindowTitle(tr("Preferences"));
    m_generalBox->setTitle(tr("General"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageCombo->setItemText(
        0, tr("System (%1)").arg(Translations::displayName(Translations::systemLanguage())));
    m_confirmDeleteCheck->setText(tr("&Ask before deleting sandboxes"));
    m_startAfterCreateCheck->setText(tr("&Start new sandboxes after creating them"));
    m_cleanupLabel->setText(tr("Remove e&xpired sandboxes every:"));
    m_cleanupSpin->setSpecialValueText(tr("Never"));
    m_cleanupSpin->setSuffix(tr(" min"));
    m_idleLabel->setText(tr("…and sandboxes opted in to idle clean-up, idle &for:"));
    m_idleSpin->setSpecialValueText(tr("Never"));
    m_idleSpin->setSuffix(tr(" min"));
    m_idleSpin->setToolTip(tr("Only sandboxes (or connections) you chose Idle Clean-Up for; "
                              "idle is no terminal, command or job open and CPU below the "
                              "threshold, or stopped"));
    m_idleCpuLabel->setText(tr("Idle &means CPU below:"));
    m_idleCpuSpin->setSuffix(tr(" % of a core"));
    m_logMemoryLabel->setText(tr("Log &memory per window:"));
    m_logMemorySpin->setSuffix(tr(" MiB"));
    m_logMemorySpin->setToolTip(
        tr("Older lines of a bigger log move to a temporary file, removed with the window"));
    m_enginesBox->setTitle(tr("Docker Engines"));
    m_enginesText->setText(
        tr("Besides the engine found like the docker CLI finds it (DOCKER_HOST, the current "
           "context, the default socket), SandboxDesk connects to these addresses:"));
    m_hostEdit->setPlaceholderText(tr("for example tcp://host:2375 or ssh://user@host"));
    m_addButton->setText(tr("A&dd"));
    m_removeButton->setText(tr("&Remove"));
    m_pages->setTabText(m_pages->indexOf(m_generalPage), tr("General"));
    m_pages->setTabText(m_pages->indexOf(m_terminalPage), tr("Terminal"));
    m_terminalBox->setTitle(tr("Terminal"));
    m_systemFontCheck->setText(tr("Use the system's &fixed-width font"));
    m_fontLabel->setText(tr("F&ont:"));
    m_fontSizeLabel->setText(tr("&Size:"));
    m_fontSizeSpin->setSpecialValueText(tr("Default"));
    m_fontSizeSpin->setSuffix(tr(" pt"));
    m_scrollbackLabel->setText(tr("Lines of &history:"));
    m_clipboardCheck->setText(tr("Let programs set the &clipboard (OSC 52)"));
    m_cursorBlinkCheck->setText(tr("Blin&king cursor when the program asks for one"));
    m_logBox->setTitle(tr("Session Logs"));
    m_logCheck->setText(tr("Save a &log of every session when it ends or its tab closes"));
    m_logFolderLabel->setText(tr("Fol&der:"));
    m_logBrowseButton->setText(tr("&Browse…"));
    m_logFormatsLabel->setText(tr("Formats:"));
    m_logTextCheck->setText(tr("Plain &text"));
    m_logHtmlCheck->setText(tr("HT&ML"));
    m_logCastCheck->setText(tr("&asciicast"));
    m_recordInputCheck->setText(tr("Record &keystrokes in session logs and exports"));
    m_recordInputCheck->setToolTip(
        tr("What you type, passwords at prompts that do not echo included; off, only what "
           "the terminal showed is kept"));
}
