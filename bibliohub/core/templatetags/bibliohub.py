"""Template filters every module uses."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from bibliohub.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 in render_markdown
