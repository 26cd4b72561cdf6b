#include "PathBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>

PathBar::PathBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("pathBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_stack = new QStackedWidget;
    m_crumbs = new QWidget;
    m_crumbs->setObjectName(QStringLiteral("breadcrumbs"));
    m_crumbLayout = new QHBoxLayout(m_crumbs);
    m_crumbLayout->setContentsMargins(0, 0, 0, 0);
    m_crumbLayout->setSpacing(0);
    m_edit = new QLineEdit;
    m_edit->setObjectName(QStringLiteral("pathEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_stack->addWidget(m_crumbs);
    m_stack->addWidget(m_edit);
    m_stack->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_stack->setFixedHeight(m_edit->sizeHint().height());
    layout->addWidget(m_stack, 1);

    m_editButton = new QToolButton;
    m_editButton->setObjectName(QStringLiteral("editPathButton"));
    m_editButton->setIcon(QIcon::fromTheme(
        QStringLiteral("document-edit"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    m_editButton->setAutoRaise(true);
    connect(m_editButton, &QToolButton::clicked, this, [this] {
        if (isEditing())
            showCrumbs();
        else
            editPath();
    });
    layout->addWidget(m_editButton);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        QByteArray typed = m_edit->text().trimmed().toUtf8();
        if (!typed.startsWith('/'))
            typed = RemotePaths::join(m_path, typed);
        showCrumbs();
        Q_EMIT pathRequested(typed);
    });
    retranslateUi();
    rebuildCrumbs();
}

void PathBar::setPath(const RemotePath& path)
{
    m_path = path.isEmpty() ? RemotePath("/") : path;
    if (!isEditing())
        m_edit->setText(QString::fromUtf8(m_path));
    rebuildCrumbs();
}

bool PathBar::isEditing() const
{
    return m_stack->currentWidget() == m_edit;
}

void PathBar::editPath()
{
    // The field holds the bytes as UTF-8; a name that is not cannot be typed back anyway.
    m_edit->setText(QString::fromUtf8(m_path));
    m_stack->setCurrentWidget(m_edit);
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void PathBar::showCrumbs()
{
    m_stack->setCurrentWidget(m_crumbs);
}

bool PathBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        showCrumbs();
        return true;
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut && isEditing()) {
        showCrumbs();
    }
    return QWidget::eventFilter(watched, event);
}

void PathBar::rebuildCrumbs()
{
    while (QLayoutItem* item = m_crumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QList<QByteArray> parts = m_path.split('/');
    parts.removeAll(QByteArray());
    const auto addCrumb = [this](const QString& text, const RemotePath& target, bool current) {
        auto* button = new QToolButton;
        button->setObjectName(QStringLiteral("crumb"));
        button->setText(text);
        button->setAutoRaise(true);
        button->setToolTip(RemotePaths::displayName(target));
        button->setProperty("remotePath", target);
        if (current) {
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
        }
        connect(button, &QToolButton::clicked, this,
                [this, target] { Q_EMIT pathRequested(target); });
        m_crumbLayout->addWidget(button);
    };
    addCrumb(QStringLiteral("/"), "/", parts.isEmpty());
    RemotePath built;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        built += '/' + parts.at(i);
        if (i > 0) {
            auto* separator = new QToolButton;
            separator->setText(QStringLiteral("›"));
            separator->setAutoRaise(true);
            separator->setEnabled(false);
            m_crumbLayout->addWidget(separator);
        }
        addCrumb(RemotePaths::displayName(parts.at(i)), built, i == parts.size() - 1);
    }
    m_crumbLayout->addStretch(1);
}

void PathBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PathBar::retranslateUi()
{
    m_edit->setPlaceholderText(tr("Type a path and press Enter"));
    m_editButton->setToolTip(
        tr("Edit the path (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
}
