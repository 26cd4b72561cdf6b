#include "PreferencesDialog.h"

#include "net/Endpoint.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

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

    auto* general = new QFormLayout(m_generalBox);
    general->addRow(m_languageLabel, m_languageCombo);
    general->addRow(m_confirmDeleteCheck);
    general->addRow(m_startAfterCreateCheck);

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

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_generalBox);
    layout->addWidget(m_enginesBox);
    layout->addStretch();
    layout->addWidget(m_buttons);

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
    QStringList hosts;
    for (int row = 0; row < m_hostsList->count(); ++row)
        hosts << m_hostsList->item(row)->text();
    m_preferences.setDockerHosts(hosts);
    m_preferences.setConfirmDelete(m_confirmDeleteCheck->isChecked());
    m_preferences.setStartAfterCreate(m_startAfterCreateCheck->isChecked());
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
    m_enginesBox->setTitle(tr("Docker Engines"));
    m_enginesText->setText(
        tr("Besides the engine found like the docker CLI finds it (DOCKER_HOST, the current "
           "context, the default socket), SandboxDesk connects to these addresses:"));
    m_hostEdit->setPlaceholderText(tr("for example tcp://host:2375 or ssh://user@host"));
    m_addButton->setText(tr("A&dd"));
    m_removeButton->setText(tr("&Remove"));
}
