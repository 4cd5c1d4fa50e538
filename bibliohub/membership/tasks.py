"""Background e-mails of the membership app: new applications, approvals and rejections."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .emails import absolute_url, send_templated
from .models import Application
from .selectors import coordinators_to_notify


def _application(application_id: int) -> Application:
    return Application.objects.select_related(
        "network", "library", "region", "applicant", "decided_by"
    ).get(pk=application_id)


@task()
def send_application_received(application_id: int) -> int:
    """Tell every coordinator of the network (and of the networks above it); returns the count."""
    application = _application(application_id)
    recipients = coordinators_to_notify(application.network)
    context = {
        "application": application,
        "network": application.network,
        "url": absolute_url("membership:application", pk=application.pk),
        "review_url": absolute_url("membership:review"),
    }
    for email, language in recipients:
        send_templated(
            to=[email], template="application_received", context=context, language=language
        )
    return len(recipients)


@task()
def send_application_approved(application_id: int) -> None:
    """Welcome the applicant: with a one-time link to set a password, or a sign-in link."""
    application = _application(application_id)
    user = application.applicant
    assert user is not None, "an approved application names its applicant"
    context = {
        "application": application,
        "network": application.network,
        "library": application.library,
        "user": user,
        "login_url": absolute_url("account_login"),
    }
    if user.has_usable_password():
        template = "application_approved_welcome"
    else:
        template = "application_approved_invitation"
        context["invitation_url"] = absolute_url(
            "membership:invitation",
            uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
            token=default_token_generator.make_token(user),
        )
    send_templated(
        to=[application.email],
        template=template,
        context=context,
        language=application.language,
    )


@task()
def send_application_rejected(application_id: int) -> None:
    application = _application(application_id)
    send_templated(
        to=[application.email],
        template="application_rejected",
        context={"application": application, "network": application.network},
        language=application.language,
    )
