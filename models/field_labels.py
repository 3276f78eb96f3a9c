"""The Chinese name of every column a person may be told about, per table.

A refusal, an audit finding or a conflict that names a field must name it in
the words of the screen where that field is typed: a township clerk reading
"监督事项的第 1 条记录的“escalated_on”" learns nothing, "……的“上报乡镇日期”"
tells them what to ask the village about. The same column name means different
things in different tables (a meeting's `name` is not a person's), so the
labels are keyed by table and column; the wording follows the forms under
`ui/` (会议的“召开日期”, 财务明细的“支出金额”, 民主理财的“金额合计”).

`BOOKKEEPING` holds the few columns every synced table carries (keys and
stamps written by the software, never typed): they share one label each.
`tests/unit/test_field_labels.py` walks every column of every model in
`models.schema_registry.ALL_MODELS`, so a new column cannot be added without
its label here.
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

CONTEXT = "field_labels"
_C = CONTEXT

#: Columns of many tables that the software writes itself: one label each, and why one label is enough.
BOOKKEEPING: dict[str, tuple[str, str]] = {
    "id": (QT_TRANSLATE_NOOP(_C, "记录编号"),
           "a generated key: a message names the record by its own words, the key only when it is broken"),
    "owner": (QT_TRANSLATE_NOOP(_C, "所属单位"),
              "the code of the installation that owns a synced record: the same meaning in every table"),
    "seq": (QT_TRANSLATE_NOOP(_C, "变更序号"),
            "the change counter stamped on every write of a synced record, never typed"),
    "updated_at": (QT_TRANSLATE_NOOP(_C, "修改时间"),
                   "the time of the last write of a synced record, stamped by the software"),
    "deleted": (QT_TRANSLATE_NOOP(_C, "删除标记"),
                "whether a synced record is in the 回收站: the same meaning in every table"),
}

#: table -> column -> label, for every column that is not in `BOOKKEEPING`.
LABELS: dict[str, dict[str, str]] = {
    # --- this installation and its bookkeeping --------------------------------------------------
    "installation": {
        "mode": QT_TRANSLATE_NOOP(_C, "用途"),
        "code": QT_TRANSLATE_NOOP(_C, "代码"),
        "name": QT_TRANSLATE_NOOP(_C, "名称"),
        "province": QT_TRANSLATE_NOOP(_C, "省份配置"),
        "created_at": QT_TRANSLATE_NOOP(_C, "建立时间"),
        "is_demo": QT_TRANSLATE_NOOP(_C, "演示数据"),
    },
    "app_meta": {
        "key": QT_TRANSLATE_NOOP(_C, "设置项"),
        "value": QT_TRANSLATE_NOOP(_C, "设置值"),
    },
    "change_counter": {
        "value": QT_TRANSLATE_NOOP(_C, "变更计数"),
    },
    # --- the foundation --------------------------------------------------------------------------
    "township": {
        "code": QT_TRANSLATE_NOOP(_C, "乡镇代码"),
        "name": QT_TRANSLATE_NOOP(_C, "乡镇名称"),
        "province": QT_TRANSLATE_NOOP(_C, "省份配置"),
    },
    "village": {
        "code": QT_TRANSLATE_NOOP(_C, "村代码"),
        "name": QT_TRANSLATE_NOOP(_C, "村名称"),
        "province": QT_TRANSLATE_NOOP(_C, "省份配置"),
        "township_code": QT_TRANSLATE_NOOP(_C, "所属乡镇代码"),
        "households": QT_TRANSLATE_NOOP(_C, "户数"),
        "adult_population": QT_TRANSLATE_NOOP(_C, "18 岁以上人口"),
        "figures_source": QT_TRANSLATE_NOOP(_C, "户数与人口的来源"),
    },
    "village_group": {
        "name": QT_TRANSLATE_NOOP(_C, "小组名称"),
        "position": QT_TRANSLATE_NOOP(_C, "排列顺序"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "household": {
        "number": QT_TRANSLATE_NOOP(_C, "户号"),
        "village_group": QT_TRANSLATE_NOOP(_C, "村民小组"),
        "address": QT_TRANSLATE_NOOP(_C, "住址"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "person": {
        "name": QT_TRANSLATE_NOOP(_C, "姓名"),
        "gender": QT_TRANSLATE_NOOP(_C, "性别"),
        "birth_year": QT_TRANSLATE_NOOP(_C, "出生年份"),
        "birth_month": QT_TRANSLATE_NOOP(_C, "出生月份"),
        "village_group": QT_TRANSLATE_NOOP(_C, "村民小组"),
        "household": QT_TRANSLATE_NOOP(_C, "户号/户主"),
        "household_id": QT_TRANSLATE_NOOP(_C, "所在户"),
        "household_relation": QT_TRANSLATE_NOOP(_C, "与户主关系"),
        "phone": QT_TRANSLATE_NOOP(_C, "电话"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
        "left_on": QT_TRANSLATE_NOOP(_C, "离开名册日期"),
        "left_kind": QT_TRANSLATE_NOOP(_C, "离开名册方式"),
        "left_reason": QT_TRANSLATE_NOOP(_C, "离开名册原因"),
    },
    "person_role": {
        "person_id": QT_TRANSLATE_NOOP(_C, "任职人员"),
        "role": QT_TRANSLATE_NOOP(_C, "职务"),
        "start_date": QT_TRANSLATE_NOOP(_C, "任职日期"),
        "end_date": QT_TRANSLATE_NOOP(_C, "离任日期"),
        "end_reason": QT_TRANSLATE_NOOP(_C, "离任原因"),
        "scope": QT_TRANSLATE_NOOP(_C, "所在村民小组"),
    },
    "represented_household": {
        "role_id": QT_TRANSLATE_NOOP(_C, "村民代表任职"),
        "household_id": QT_TRANSLATE_NOOP(_C, "联系户"),
    },
    "kinship": {
        "person_id": QT_TRANSLATE_NOOP(_C, "本人"),
        "relative_id": QT_TRANSLATE_NOOP(_C, "亲属"),
        "relation": QT_TRANSLATE_NOOP(_C, "亲属关系"),
    },
    "user": {
        "login": QT_TRANSLATE_NOOP(_C, "登录名"),
        "display_name": QT_TRANSLATE_NOOP(_C, "姓名"),
        "role": QT_TRANSLATE_NOOP(_C, "角色"),
        "password_hash": QT_TRANSLATE_NOOP(_C, "密码"),
        "active": QT_TRANSLATE_NOOP(_C, "启用状态"),
        "created_at": QT_TRANSLATE_NOOP(_C, "建立时间"),
        "last_login_at": QT_TRANSLATE_NOOP(_C, "最近登录时间"),
        "person_id": QT_TRANSLATE_NOOP(_C, "人员(名册)"),
        "must_change_password": QT_TRANSLATE_NOOP(_C, "下次登录须改密码"),
        "failed_logins": QT_TRANSLATE_NOOP(_C, "连续输错密码次数"),
        "locked_until": QT_TRANSLATE_NOOP(_C, "锁定到"),
    },
    "audit_entry": {
        "at": QT_TRANSLATE_NOOP(_C, "时间"),
        "actor": QT_TRANSLATE_NOOP(_C, "操作人"),
        "action": QT_TRANSLATE_NOOP(_C, "操作"),
        "table_name": QT_TRANSLATE_NOOP(_C, "记录类别"),
        "record_id": QT_TRANSLATE_NOOP(_C, "记录编号"),
        "old_values": QT_TRANSLATE_NOOP(_C, "原内容"),
        "new_values": QT_TRANSLATE_NOOP(_C, "新内容"),
        "prev_hash": QT_TRANSLATE_NOOP(_C, "上一条的校验值"),
        "hash": QT_TRANSLATE_NOOP(_C, "校验值"),
    },
    # --- 会议 ------------------------------------------------------------------------------------
    "meeting": {
        "type_code": QT_TRANSLATE_NOOP(_C, "会议类型"),
        "title": QT_TRANSLATE_NOOP(_C, "会议名称"),
        "held_on": QT_TRANSLATE_NOOP(_C, "召开日期"),
        "start_time": QT_TRANSLATE_NOOP(_C, "开始时间"),
        "place": QT_TRANSLATE_NOOP(_C, "地点"),
        "convened_by": QT_TRANSLATE_NOOP(_C, "召集人"),
        "host": QT_TRANSLATE_NOOP(_C, "主持人"),
        "recorder": QT_TRANSLATE_NOOP(_C, "记录人"),
        "notice_date": QT_TRANSLATE_NOOP(_C, "通知日期"),
        "expected_count": QT_TRANSLATE_NOOP(_C, "应到人数"),
        "present_count": QT_TRANSLATE_NOOP(_C, "实到人数"),
        "status": QT_TRANSLATE_NOOP(_C, "状态"),
        "approved_at": QT_TRANSLATE_NOOP(_C, "审定时间"),
        "approved_by": QT_TRANSLATE_NOOP(_C, "审定人"),
        "corrects_id": QT_TRANSLATE_NOOP(_C, "所更正的会议记录"),
        "quorum_met": QT_TRANSLATE_NOOP(_C, "是否达到法定人数"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
        "party_study_on": QT_TRANSLATE_NOOP(_C, "村党组织研究讨论日期"),
    },
    "meeting_attendance": {
        "meeting_id": QT_TRANSLATE_NOOP(_C, "会议"),
        "person_id": QT_TRANSLATE_NOOP(_C, "到会人员"),
        "status": QT_TRANSLATE_NOOP(_C, "签到情况"),
        "is_representative": QT_TRANSLATE_NOOP(_C, "是否村民代表"),
    },
    "agenda_item": {
        "meeting_id": QT_TRANSLATE_NOOP(_C, "会议"),
        "position": QT_TRANSLATE_NOOP(_C, "议程顺序"),
        "title": QT_TRANSLATE_NOOP(_C, "议题"),
        "minutes": QT_TRANSLATE_NOOP(_C, "会议记录"),
    },
    "resolution": {
        "meeting_id": QT_TRANSLATE_NOOP(_C, "会议"),
        "position": QT_TRANSLATE_NOOP(_C, "表决顺序"),
        "text": QT_TRANSLATE_NOOP(_C, "表决事项"),
        "matter": QT_TRANSLATE_NOOP(_C, "事项类别"),
        "yes": QT_TRANSLATE_NOOP(_C, "赞成票"),
        "no": QT_TRANSLATE_NOOP(_C, "反对票"),
        "abstain": QT_TRANSLATE_NOOP(_C, "弃权票"),
        "passed": QT_TRANSLATE_NOOP(_C, "表决结果"),
    },
    "person_vote": {
        "resolution_id": QT_TRANSLATE_NOOP(_C, "表决事项"),
        "person_id": QT_TRANSLATE_NOOP(_C, "表决人"),
        "choice": QT_TRANSLATE_NOOP(_C, "表决意见"),
    },
    "authorization": {
        "meeting_id": QT_TRANSLATE_NOOP(_C, "授权会议"),
        "matters": QT_TRANSLATE_NOOP(_C, "授权事项"),
        "granted_on": QT_TRANSLATE_NOOP(_C, "授权日期"),
        "expires_on": QT_TRANSLATE_NOOP(_C, "授权截止日期"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "decision_register": {
        "title": QT_TRANSLATE_NOOP(_C, "事项名称"),
        "matter": QT_TRANSLATE_NOOP(_C, "事项类别"),
        "implementation_start": QT_TRANSLATE_NOOP(_C, "实施开始日期"),
        "implementation_end": QT_TRANSLATE_NOOP(_C, "实施结束日期"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "decision_step": {
        "register_id": QT_TRANSLATE_NOOP(_C, "决策登记"),
        "step": QT_TRANSLATE_NOOP(_C, "步骤"),
        "done_on": QT_TRANSLATE_NOOP(_C, "日期"),
        "meeting_id": QT_TRANSLATE_NOOP(_C, "会议记录"),
        "disclosure_ref": QT_TRANSLATE_NOOP(_C, "公开事项"),
        "committee_opinion": QT_TRANSLATE_NOOP(_C, "监委会意见"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "attachment": {
        "table_name": QT_TRANSLATE_NOOP(_C, "所附记录的类别"),
        "record_id": QT_TRANSLATE_NOOP(_C, "所附记录"),
        "sha256": QT_TRANSLATE_NOOP(_C, "文件校验值"),
        "filename": QT_TRANSLATE_NOOP(_C, "文件名"),
        "kind": QT_TRANSLATE_NOOP(_C, "附件种类"),
        "size": QT_TRANSLATE_NOOP(_C, "文件大小"),
    },
    # --- 村规民约 --------------------------------------------------------------------------------
    "rule_set": {
        "title": QT_TRANSLATE_NOOP(_C, "名称"),
        "kind": QT_TRANSLATE_NOOP(_C, "类别"),
        "note": QT_TRANSLATE_NOOP(_C, "说明"),
    },
    "rule_version": {
        "rule_set_id": QT_TRANSLATE_NOOP(_C, "所属村规民约"),
        "version_no": QT_TRANSLATE_NOOP(_C, "版本号"),
        "title": QT_TRANSLATE_NOOP(_C, "名称"),
        "trigger": QT_TRANSLATE_NOOP(_C, "修订原因"),
        "based_on_id": QT_TRANSLATE_NOOP(_C, "所修订的版本"),
        "started_on": QT_TRANSLATE_NOOP(_C, "开始日期"),
        "is_history": QT_TRANSLATE_NOOP(_C, "是否补录的历史版本"),
        "history_adopted_on": QT_TRANSLATE_NOOP(_C, "通过日期"),
        "history_note": QT_TRANSLATE_NOOP(_C, "补录说明"),
        "preamble": QT_TRANSLATE_NOOP(_C, "序言"),
        "solicitation_closed_on": QT_TRANSLATE_NOOP(_C, "征集民意结束日期"),
        "submitted_on": QT_TRANSLATE_NOOP(_C, "报送审核日期"),
        "submitted_fingerprint": QT_TRANSLATE_NOOP(_C, "报审文本的校验值"),
        "review_opinion": QT_TRANSLATE_NOOP(_C, "审核意见"),
        "review_fingerprint": QT_TRANSLATE_NOOP(_C, "审核文本的校验值"),
        "review_date": QT_TRANSLATE_NOOP(_C, "审核日期"),
        "review_by": QT_TRANSLATE_NOOP(_C, "审核单位"),
        "review_text": QT_TRANSLATE_NOOP(_C, "意见原文"),
        "vote_meeting_id": QT_TRANSLATE_NOOP(_C, "表决会议"),
        "vote_resolution_id": QT_TRANSLATE_NOOP(_C, "表决事项"),
        "vote_fingerprint": QT_TRANSLATE_NOOP(_C, "表决文本的校验值"),
        "vote_women_present": QT_TRANSLATE_NOOP(_C, "到会妇女人数"),
        "filed_on": QT_TRANSLATE_NOOP(_C, "报备日期"),
        "receipt_no": QT_TRANSLATE_NOOP(_C, "回执编号"),
        "receipt_date": QT_TRANSLATE_NOOP(_C, "回执日期"),
        "published_on": QT_TRANSLATE_NOOP(_C, "公布日期"),
        "publish_channel": QT_TRANSLATE_NOOP(_C, "公布方式"),
        "superseded": QT_TRANSLATE_NOOP(_C, "是否已被新版本取代"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "rule_article": {
        "version_id": QT_TRANSLATE_NOOP(_C, "所属版本"),
        "position": QT_TRANSLATE_NOOP(_C, "条文顺序"),
        "chapter": QT_TRANSLATE_NOOP(_C, "所在章节"),
        "label": QT_TRANSLATE_NOOP(_C, "条号"),
        "text": QT_TRANSLATE_NOOP(_C, "条文"),
    },
    "rule_opinion": {
        "version_id": QT_TRANSLATE_NOOP(_C, "所属版本"),
        "received_on": QT_TRANSLATE_NOOP(_C, "日期"),
        "source": QT_TRANSLATE_NOOP(_C, "来源"),
        "content": QT_TRANSLATE_NOOP(_C, "内容"),
        "adopted": QT_TRANSLATE_NOOP(_C, "处理"),
        "reason": QT_TRANSLATE_NOOP(_C, "说明"),
    },
    "review_comment": {
        "version_id": QT_TRANSLATE_NOOP(_C, "所属版本"),
        "fingerprint": QT_TRANSLATE_NOOP(_C, "所审文本的校验值"),
        "position": QT_TRANSLATE_NOOP(_C, "所指条文"),
        "comment": QT_TRANSLATE_NOOP(_C, "逐条意见"),
    },
    # --- 村务监督 --------------------------------------------------------------------------------
    "committee_term": {
        "label": QT_TRANSLATE_NOOP(_C, "届次"),
        "start_date": QT_TRANSLATE_NOOP(_C, "任期开始"),
        "end_date": QT_TRANSLATE_NOOP(_C, "任期结束"),
        "elected_meeting_id": QT_TRANSLATE_NOOP(_C, "选举会议"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "committee_member": {
        "term_id": QT_TRANSLATE_NOOP(_C, "届次"),
        "person_id": QT_TRANSLATE_NOOP(_C, "成员"),
        "position": QT_TRANSLATE_NOOP(_C, "职务"),
        "finance_qualified": QT_TRANSLATE_NOOP(_C, "是否具备财会知识"),
        "joined_on": QT_TRANSLATE_NOOP(_C, "任职日期"),
        "left_on": QT_TRANSLATE_NOOP(_C, "离任日期"),
        "override_reason": QT_TRANSLATE_NOOP(_C, "不合规组成的说明"),
        "left_reason": QT_TRANSLATE_NOOP(_C, "离任原因"),
    },
    "supervision_matter": {
        "title": QT_TRANSLATE_NOOP(_C, "事项"),
        "area": QT_TRANSLATE_NOOP(_C, "监督内容"),
        "source": QT_TRANSLATE_NOOP(_C, "来源"),
        "opened_on": QT_TRANSLATE_NOOP(_C, "发现日期"),
        "meeting_id": QT_TRANSLATE_NOOP(_C, "监委会会议"),
        "findings": QT_TRANSLATE_NOOP(_C, "发现的问题"),
        "notice": QT_TRANSLATE_NOOP(_C, "整改建议"),
        "notified_on": QT_TRANSLATE_NOOP(_C, "发出整改建议日期"),
        "deadline": QT_TRANSLATE_NOOP(_C, "整改期限"),
        "answer": QT_TRANSLATE_NOOP(_C, "村委会答复"),
        "answered_on": QT_TRANSLATE_NOOP(_C, "村委会答复日期"),
        "verification": QT_TRANSLATE_NOOP(_C, "核实情况"),
        "verified_on": QT_TRANSLATE_NOOP(_C, "核实日期"),
        "closed_on": QT_TRANSLATE_NOOP(_C, "办结日期"),
        "escalated_on": QT_TRANSLATE_NOOP(_C, "上报乡镇日期"),
        "township_answer": QT_TRANSLATE_NOOP(_C, "乡镇答复"),
        "answered_by": QT_TRANSLATE_NOOP(_C, "答复人账号"),
        "closed_by": QT_TRANSLATE_NOOP(_C, "办结人账号"),
    },
    "voucher_review": {
        "period": QT_TRANSLATE_NOOP(_C, "凭证所属月份"),
        "reviewed_on": QT_TRANSLATE_NOOP(_C, "审核日期"),
        "voucher_count": QT_TRANSLATE_NOOP(_C, "审核凭证张数"),
        "total_fen": QT_TRANSLATE_NOOP(_C, "金额合计"),
        "signed_by": QT_TRANSLATE_NOOP(_C, "签字"),
        "recorded_by": QT_TRANSLATE_NOOP(_C, "登记人账号"),
        "note": QT_TRANSLATE_NOOP(_C, "备注"),
    },
    "questioned_voucher": {
        "review_id": QT_TRANSLATE_NOOP(_C, "民主理财记录"),
        "voucher_no": QT_TRANSLATE_NOOP(_C, "凭证号"),
        "amount_fen": QT_TRANSLATE_NOOP(_C, "金额"),
        "reason": QT_TRANSLATE_NOOP(_C, "疑问"),
        "outcome": QT_TRANSLATE_NOOP(_C, "处理结果"),
    },
    "appraisal": {
        "year": QT_TRANSLATE_NOOP(_C, "评议年度"),
        "held_on": QT_TRANSLATE_NOOP(_C, "评议日期"),
        "body": QT_TRANSLATE_NOOP(_C, "评议会议类型"),
        "attendees": QT_TRANSLATE_NOOP(_C, "到会人数"),
        "meeting_id": QT_TRANSLATE_NOOP(_C, "会议"),
    },
    "appraisal_result": {
        "appraisal_id": QT_TRANSLATE_NOOP(_C, "民主评议"),
        "person_id": QT_TRANSLATE_NOOP(_C, "被评议人"),
        "post": QT_TRANSLATE_NOOP(_C, "职务"),
        "competent": QT_TRANSLATE_NOOP(_C, "称职票"),
        "basic": QT_TRANSLATE_NOOP(_C, "基本称职票"),
        "incompetent": QT_TRANSLATE_NOOP(_C, "不称职票"),
        "verdict": QT_TRANSLATE_NOOP(_C, "评议结果"),
    },
    # --- 村务公开 --------------------------------------------------------------------------------
    "disclosure_item": {
        "category": QT_TRANSLATE_NOOP(_C, "类别"),
        "subject": QT_TRANSLATE_NOOP(_C, "公开事项"),
        "period_kind": QT_TRANSLATE_NOOP(_C, "公开周期"),
        "period": QT_TRANSLATE_NOOP(_C, "期间"),
        "event_date": QT_TRANSLATE_NOOP(_C, "事项日期"),
        "title": QT_TRANSLATE_NOOP(_C, "标题"),
        "content": QT_TRANSLATE_NOOP(_C, "公开内容"),
        "submitted_on": QT_TRANSLATE_NOOP(_C, "提交日期"),
        "submitted_by": QT_TRANSLATE_NOOP(_C, "提交人账号"),
        "reviewed_on": QT_TRANSLATE_NOOP(_C, "审核日期"),
        "reviewed_by": QT_TRANSLATE_NOOP(_C, "审核人"),
        "review_result": QT_TRANSLATE_NOOP(_C, "审核结果"),
        "review_reason": QT_TRANSLATE_NOOP(_C, "意见/理由"),
        "posted_on": QT_TRANSLATE_NOOP(_C, "公开日期"),
        "channels": QT_TRANSLATE_NOOP(_C, "公开方式"),
        "takedown_on": QT_TRANSLATE_NOOP(_C, "撤下日期"),
    },
    "financial_posting": {
        "item_id": QT_TRANSLATE_NOOP(_C, "公开事项"),
        "opening_fen": QT_TRANSLATE_NOOP(_C, "期初余额"),
        "closing_fen": QT_TRANSLATE_NOOP(_C, "期末余额"),
    },
    "financial_line": {
        "posting_id": QT_TRANSLATE_NOOP(_C, "财务公开表"),
        "position": QT_TRANSLATE_NOOP(_C, "行号"),
        "day": QT_TRANSLATE_NOOP(_C, "日期"),
        "voucher": QT_TRANSLATE_NOOP(_C, "凭证号"),
        "summary": QT_TRANSLATE_NOOP(_C, "摘要"),
        "category": QT_TRANSLATE_NOOP(_C, "科目"),
        "income_fen": QT_TRANSLATE_NOOP(_C, "收入金额"),
        "expense_fen": QT_TRANSLATE_NOOP(_C, "支出金额"),
        "handler": QT_TRANSLATE_NOOP(_C, "经手人"),
    },
    "feedback": {
        "item_id": QT_TRANSLATE_NOOP(_C, "关于"),
        "received_on": QT_TRANSLATE_NOOP(_C, "收到日期"),
        "villager": QT_TRANSLATE_NOOP(_C, "反映人"),
        "content": QT_TRANSLATE_NOOP(_C, "内容"),
        "answer": QT_TRANSLATE_NOOP(_C, "答复内容"),
        "answered_on": QT_TRANSLATE_NOOP(_C, "答复日期"),
        "escalated_on": QT_TRANSLATE_NOOP(_C, "上报乡镇日期"),
    },
    "disclosure_subject": {
        "code": QT_TRANSLATE_NOOP(_C, "代码"),
        "label": QT_TRANSLATE_NOOP(_C, "名称"),
        "category": QT_TRANSLATE_NOOP(_C, "类别"),
        "period_kind": QT_TRANSLATE_NOOP(_C, "通常公开周期"),
        "active": QT_TRANSLATE_NOOP(_C, "启用状态"),
    },
    # --- 数据交换 --------------------------------------------------------------------------------
    "peer": {
        "code": QT_TRANSLATE_NOOP(_C, "代码"),
        "name": QT_TRANSLATE_NOOP(_C, "名称"),
        "kind": QT_TRANSLATE_NOOP(_C, "村或乡镇"),
        "province": QT_TRANSLATE_NOOP(_C, "省份配置"),
        "status": QT_TRANSLATE_NOOP(_C, "状态"),
        "sign_key": QT_TRANSLATE_NOOP(_C, "签名公钥"),
        "box_key": QT_TRANSLATE_NOOP(_C, "加密公钥"),
        "fingerprint": QT_TRANSLATE_NOOP(_C, "电脑指纹"),
        "enrolled_at": QT_TRANSLATE_NOOP(_C, "入网时间"),
        "last_in_no": QT_TRANSLATE_NOOP(_C, "最近收到的数据包编号"),
        "last_in_at": QT_TRANSLATE_NOOP(_C, "最近收到时间"),
        "in_watermark": QT_TRANSLATE_NOOP(_C, "已收到的变更序号"),
        "last_out_no": QT_TRANSLATE_NOOP(_C, "最近发出的数据包编号"),
        "last_out_at": QT_TRANSLATE_NOOP(_C, "最近发出时间"),
        "out_acked_no": QT_TRANSLATE_NOOP(_C, "对方已确认收到的数据包编号"),
        "out_acked_seq": QT_TRANSLATE_NOOP(_C, "对方已确认收到的变更序号"),
    },
    "retired_key": {
        "peer_code": QT_TRANSLATE_NOOP(_C, "村(乡镇)代码"),
        "sign_key": QT_TRANSLATE_NOOP(_C, "签名公钥"),
        "fingerprint": QT_TRANSLATE_NOOP(_C, "电脑指纹"),
        "retired_at": QT_TRANSLATE_NOOP(_C, "停用时间"),
        "reason": QT_TRANSLATE_NOOP(_C, "重新入网的原因"),
    },
    "package_log": {
        "direction": QT_TRANSLATE_NOOP(_C, "发出或收到"),
        "peer_code": QT_TRANSLATE_NOOP(_C, "村(乡镇)代码"),
        "number": QT_TRANSLATE_NOOP(_C, "数据包编号"),
        "kind": QT_TRANSLATE_NOOP(_C, "数据包种类"),
        "file_name": QT_TRANSLATE_NOOP(_C, "文件名"),
        "file_sha256": QT_TRANSLATE_NOOP(_C, "文件校验值"),
        "created_at": QT_TRANSLATE_NOOP(_C, "生成时间"),
        "logged_at": QT_TRANSLATE_NOOP(_C, "登记时间"),
        "seq_from": QT_TRANSLATE_NOOP(_C, "起始变更序号"),
        "seq_to": QT_TRANSLATE_NOOP(_C, "截止变更序号"),
        "records": QT_TRANSLATE_NOOP(_C, "记录条数"),
        "counts": QT_TRANSLATE_NOOP(_C, "各类记录条数"),
        "status": QT_TRANSLATE_NOOP(_C, "状态"),
        "reason": QT_TRANSLATE_NOOP(_C, "原因"),
    },
    "sync_conflict": {
        "table_name": QT_TRANSLATE_NOOP(_C, "记录类别"),
        "record_id": QT_TRANSLATE_NOOP(_C, "记录"),
        "owner": QT_TRANSLATE_NOOP(_C, "所属单位"),
        "local_values": QT_TRANSLATE_NOOP(_C, "本机的版本"),
        "incoming_values": QT_TRANSLATE_NOOP(_C, "数据包中的版本"),
        "package": QT_TRANSLATE_NOOP(_C, "数据包"),
        "found_at": QT_TRANSLATE_NOOP(_C, "发现时间"),
        "resolved_at": QT_TRANSLATE_NOOP(_C, "处理时间"),
        "resolution": QT_TRANSLATE_NOOP(_C, "处理结果"),
    },
    "audit_witness": {
        "peer_code": QT_TRANSLATE_NOOP(_C, "村(乡镇)代码"),
        "side": QT_TRANSLATE_NOOP(_C, "哪一方的审计日志"),
        "package_number": QT_TRANSLATE_NOOP(_C, "数据包编号"),
        "count": QT_TRANSLATE_NOOP(_C, "审计记录条数"),
        "hash": QT_TRANSLATE_NOOP(_C, "审计日志校验值"),
        "seen_at": QT_TRANSLATE_NOOP(_C, "收到时间"),
        "status": QT_TRANSLATE_NOOP(_C, "核对结果"),
        "reason": QT_TRANSLATE_NOOP(_C, "原因"),
    },
    # --- 乡镇 ------------------------------------------------------------------------------------
    "rule_review": {
        "version_id": QT_TRANSLATE_NOOP(_C, "所审核的草案"),
        "fingerprint": QT_TRANSLATE_NOOP(_C, "所审文本的校验值"),
        "opinion": QT_TRANSLATE_NOOP(_C, "审核意见"),
        "reviewed_on": QT_TRANSLATE_NOOP(_C, "审核日期"),
        "reviewer": QT_TRANSLATE_NOOP(_C, "审核人"),
        "text": QT_TRANSLATE_NOOP(_C, "意见原文"),
    },
    "rule_filing": {
        "version_id": QT_TRANSLATE_NOOP(_C, "备案的村规民约"),
        "fingerprint": QT_TRANSLATE_NOOP(_C, "备案文本的校验值"),
        "received_on": QT_TRANSLATE_NOOP(_C, "收到日期"),
        "receipt_no": QT_TRANSLATE_NOOP(_C, "回执编号"),
        "receipt_date": QT_TRANSLATE_NOOP(_C, "回执日期"),
        "correction": QT_TRANSLATE_NOOP(_C, "责令改正"),
    },
    "township_answer": {
        "matter_id": QT_TRANSLATE_NOOP(_C, "上报的监督事项"),
        "feedback_id": QT_TRANSLATE_NOOP(_C, "上报的村民反映"),
        "answered_on": QT_TRANSLATE_NOOP(_C, "答复日期"),
        "answered_by": QT_TRANSLATE_NOOP(_C, "答复单位"),
        "text": QT_TRANSLATE_NOOP(_C, "答复内容"),
    },
    "township_notice": {
        "village_code": QT_TRANSLATE_NOOP(_C, "发给"),
        "title": QT_TRANSLATE_NOOP(_C, "标题"),
        "text": QT_TRANSLATE_NOOP(_C, "内容"),
        "issued_on": QT_TRANSLATE_NOOP(_C, "发出日期"),
        "issued_by": QT_TRANSLATE_NOOP(_C, "发出人"),
    },
    "notice_read": {
        "notice_id": QT_TRANSLATE_NOOP(_C, "通知"),
        "read_at": QT_TRANSLATE_NOOP(_C, "阅读时间"),
        "read_by": QT_TRANSLATE_NOOP(_C, "阅读人"),
    },
}


def source(table: str, column: str) -> str | None:
    """The untranslated label of `column` of `table` (for `CONTEXT`), or None when it has none."""
    label = LABELS.get(table, {}).get(column)
    if label is None and column in BOOKKEEPING:
        label = BOOKKEEPING[column][0]
    return label


def field_label(table: str, column: str) -> str:
    """The label a person reads for `column` of `table`.

    A column this release does not know (a newer sender's) is quoted as it
    is, so the clerk can still pass it on to whoever maintains the software.
    """
    return source(table, column) or column
