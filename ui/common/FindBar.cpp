#include "FindBar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <utility>

FindBar::FindBar(Features features, QWidget* parent)
    : QFrame(parent)
    , m_features(features)
{
    setObjectName(QStringLiteral("findBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("findEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(200);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(0);
    connect(m_delay, &QTimer::timeout, this, &FindBar::queryChanged);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        updateLabel();
        if (m_delay->interval() == 0) {
            Q_EMIT queryChanged();
            return;
        }
        m_delay->start();
        setMatches(-1, 0, true);
    });
    layout->addWidget(m_edit, 1);

    auto* options = new QMenu(this);
    m_caseAction = options->addAction(QString());
    m_caseAction->setObjectName(QStringLiteral("caseSensitiveAction"));
    m_caseAction->setCheckable(true);
    connect(m_caseAction, &QAction::toggled, this, &FindBar::queryChanged);
    if (m_features.testFlag(Feature::RegularExpression)) {
        m_regexAction = options->addAction(QString());
        m_regexAction->setObjectName(QStringLiteral("regexAction"));
        m_regexAction->setCheckable(true);
        connect(m_regexAction, &QAction::toggled, this, &FindBar::queryChanged);
    }
    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("findOptionsButton"));
    m_optionsButton->setMenu(options);
    m_optionsButton->setPopupMode(QToolButton::InstantPopup);
    m_optionsButton->setAutoRaise(true);
    layout->addWidget(m_optionsButton);

    m_previousAction = new QAction(this);
    m_previousAction->setObjectName(QStringLiteral("previousMatchAction"));
    m_previousAction->setShortcut(QKeySequence::FindPrevious);
    connect(m_previousAction, &QAction::triggered, this, &FindBar::previousRequested);
    addAction(m_previousAction);
    m_nextAction = new QAction(this);
    m_nextAction->setObjectName(QStringLiteral("nextMatchAction"));
    m_nextAction->setShortcut(QKeySequence::FindNext);
    connect(m_nextAction, &QAction::triggered, this, &FindBar::nextRequested);
    addAction(m_nextAction);
    for (auto [action, arrow] :
         {std::pair{m_previousAction, Qt::UpArrow}, std::pair{m_nextAction, Qt::DownArrow}}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setArrowType(arrow);
        button->setAutoRaise(true);
        layout->addWidget(button);
    }

    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(QStringLiteral("matchLabel"));
    m_matchLabel->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_matchLabel);

    if (m_features.testFlag(Feature::Closable)) {
        m_closeButton = new QToolButton(this);
        m_closeButton->setObjectName(QStringLiteral("findCloseButton"));
        m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
        m_closeButton->setAutoRaise(true);
        connect(m_closeButton, &QToolButton::clicked, this, &FindBar::dismiss);
        layout->addWidget(m_closeButton);
    }

    retranslateUi();
}

QString FindBar::text() const
{
    return m_edit->text();
}

void FindBar::setText(const QString& text)
{
    m_edit->setText(text);
}

Qt::CaseSensitivity FindBar::caseSensitivity() const
{
    return m_caseAction->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
}

bool FindBar::isRegularExpression() const
{
    return m_regexAction && m_regexAction->isChecked();
}

void FindBar::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void FindBar::setSearchDelay(int milliseconds)
{
    m_delay->setInterval(milliseconds);
}

void FindBar::setEnterFindsPrevious(bool previous)
{
    m_enterFindsPrevious = previous;
}

void FindBar::setShortcutContext(Qt::ShortcutContext context)
{
    m_previousAction->setShortcutContext(context);
    m_nextAction->setShortcutContext(context);
}

void FindBar::setMatches(int current, int total, bool searching)
{
    m_current = current;
    m_total = total;
    m_searching = searching;
    m_message.clear();
    updateLabel();
}

void FindBar::setMessage(const QString& message)
{
    m_message = message;
    updateLabel();
}

QString FindBar::matchText() const
{
    return m_matchLabel->text();
}

void FindBar::addFindShortcut(QWidget* host)
{
    auto* find = new QAction(host);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, &FindBar::activate);
    host->addAction(find);
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FindBar::dismiss()
{
    m_delay->stop();
    hide();
    Q_EMIT closed();
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // A query still waiting for its delay runs first, so Enter goes to one of its matches.
        if (m_delay->isActive()) {
            m_delay->stop();
            Q_EMIT queryChanged();
        }
        if (shift != m_enterFindsPrevious)
            Q_EMIT previousRequested();
        else
            Q_EMIT nextRequested();
        return;
    case Qt::Key_Escape:
        if (m_features.testFlag(Feature::Closable))
            dismiss();
        else
            m_edit->clear();
        return;
    default:
        // Kept here: over a terminal, a key the text did not take must not reach the program.
        event->accept();
    }
}

void FindBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void FindBar::retranslateUi()
{
    m_optionsButton->setText(tr("Options"));
    m_optionsButton->setToolTip(tr("Search options"));
    m_caseAction->setText(tr("&Case Sensitive"));
    if (m_regexAction)
        m_regexAction->setText(tr("&Regular Expression"));
    m_previousAction->setText(tr("Previous"));
    m_previousAction->setToolTip(
        tr("Previous match (%1)")
            .arg(m_previousAction->shortcut().toString(QKeySequence::NativeText)));
    m_nextAction->setText(tr("Next"));
    m_nextAction->setToolTip(
        tr("Next match (%1)").arg(m_nextAction->shortcut().toString(QKeySequence::NativeText)));
    if (m_closeButton)
        m_closeButton->setToolTip(tr("Close the find bar (Esc)"));
    updateLabel();
}

void FindBar::updateLabel()
{
    if (!m_message.isEmpty())
        m_matchLabel->setText(m_message);
    else if (m_edit->text().isEmpty())
        m_matchLabel->clear();
    else if (m_total == 0)
        m_matchLabel->setText(m_searching ? tr("Searching…") : tr("No matches"));
    else if (m_current < 0)
        m_matchLabel->setText(tr("%Ln matches", nullptr, m_total));
    else
        m_matchLabel->setText(tr("%L1 of %L2").arg(m_current + 1).arg(m_total));
    m_matchLabel->setToolTip(m_message);
}
